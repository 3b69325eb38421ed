"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/safe-action";
import { completeSetup } from "@/lib/actions/auth";

type State = ActionResult<{ email: string }> | null;

export function SetupForm() {
  const t = useTranslations("setup");
  const router = useRouter();
  const [state, submit, pending] = useActionState(async (_: State, form: FormData): Promise<State> => {
    const result = await completeSetup(form);
    if (result.ok) router.replace("/signin?setup=done");
    return result;
  }, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={submit} className="space-y-4" noValidate>
      {state && !state.ok && <Notice tone="error">{state.error}</Notice>}
      <TextField label={t("name")} name="name" autoComplete="name" required autoFocus error={fe?.name} />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required error={fe?.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required help={t("passwordHelp")} error={fe?.password} />
      <TextField label={t("confirm")} name="confirm" type="password" autoComplete="new-password" required error={fe?.confirm} />
      <Button type="submit" disabled={pending || (state?.ok ?? false)} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
