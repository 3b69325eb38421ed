"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInWithPassword } from "@/lib/actions/auth";

export function SignInForm({ from }: { from?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const form = useActionForm(signInWithPassword, (data) => {
    router.replace(from?.startsWith("/") && !from.startsWith("//") ? from : data.redirectTo);
    router.refresh();
  });
  const done = form.state?.ok ?? false;
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus error={form.fieldErrors?.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required error={form.fieldErrors?.password} />
      <Button type="submit" disabled={form.pending || done} className="w-full">
        {form.pending || done ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
