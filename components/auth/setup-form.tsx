"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { completeSetup } from "@/lib/actions/auth";

export function SetupForm() {
  const t = useTranslations("setup");
  const router = useRouter();
  const form = useActionForm(completeSetup, () => router.replace("/signin?setup=done"));
  const fe = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <TextField label={t("name")} name="name" autoComplete="name" required autoFocus error={fe?.name} />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required error={fe?.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required help={t("passwordHelp")} error={fe?.password} />
      <TextField label={t("confirm")} name="confirm" type="password" autoComplete="new-password" required error={fe?.confirm} />
      <Button type="submit" disabled={form.pending || (form.state?.ok ?? false)} className="w-full">
        {form.pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
