"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/safe-action";
import { signInWithPassword } from "@/lib/actions/auth";

type State = ActionResult<{ redirectTo: string }> | null;

export function SignInForm({ from }: { from?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [state, submit, pending] = useActionState(async (_: State, form: FormData): Promise<State> => {
    const result = await signInWithPassword(form);
    if (result.ok) router.replace(from?.startsWith("/") && !from.startsWith("//") ? from : result.data.redirectTo);
    return result;
  }, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={submit} className="space-y-4" noValidate>
      {state && !state.ok && <Notice tone="error">{state.error}</Notice>}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus error={fieldErrors?.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required error={fieldErrors?.password} />
      <Button type="submit" disabled={pending || (state?.ok ?? false)} className="w-full">
        {pending || state?.ok ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
