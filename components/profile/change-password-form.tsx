"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/safe-action";
import { changeOwnPassword } from "@/lib/actions/profile";

type State = ActionResult<{ changed: boolean }> | null;

export function ChangePasswordForm() {
  const t = useTranslations("profile");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, submit, pending] = useActionState(async (_: State, form: FormData): Promise<State> => {
    const result = await changeOwnPassword(form);
    if (result.ok) {
      formRef.current?.reset();
      router.refresh();
    }
    return result;
  }, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form ref={formRef} action={submit} className="max-w-sm space-y-4" noValidate>
      {state?.ok && <Notice tone="success">{t("changed")}</Notice>}
      {state && !state.ok && <Notice tone="error">{state.error}</Notice>}
      <TextField label={t("current")} name="current" type="password" autoComplete="current-password" required error={fe?.current} />
      <TextField label={t("new")} name="password" type="password" autoComplete="new-password" required help={t("newHelp")} error={fe?.password} />
      <TextField label={t("confirm")} name="confirm" type="password" autoComplete="new-password" required error={fe?.confirm} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
