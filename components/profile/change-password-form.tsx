"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPassword } from "@/lib/actions/profile";

/** `then`: where to go once the password is changed (the forced change goes on to the app); else stay and refresh. */
export function ChangePasswordForm({ then }: { then?: string }) {
  const t = useTranslations("profile");
  const router = useRouter();
  const form = useActionForm(changeOwnPassword, (_, element) => {
    element.reset();
    if (then) router.replace(then);
    else router.refresh();
  });
  const fe = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="max-w-sm space-y-4" noValidate>
      {form.state?.ok && <Notice tone="success">{t("changed")}</Notice>}
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <TextField label={t("current")} name="current" type="password" autoComplete="current-password" required error={fe?.current} />
      <TextField label={t("new")} name="password" type="password" autoComplete="new-password" required help={t("newHelp")} error={fe?.password} />
      <TextField label={t("confirm")} name="confirm" type="password" autoComplete="new-password" required error={fe?.confirm} />
      <Button type="submit" disabled={form.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
