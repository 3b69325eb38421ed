"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { setTestPhone } from "@/lib/actions/test-phone";

/** `current` is already formatted for reading (the server formats phones). */
export function TestPhoneForm({ current }: { current: string }) {
  const t = useTranslations("testPhone");
  const router = useRouter();
  const form = useActionForm(setTestPhone, () => router.refresh());
  const saved = form.state?.ok ? (form.state.data.phone ? t("saved") : t("cleared")) : null;
  return (
    <form onSubmit={form.onSubmit} className="max-w-sm space-y-4" noValidate>
      {saved && <Notice tone="success">{saved}</Notice>}
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <TextField label={t("phone")} name="phone" type="tel" autoComplete="tel" defaultValue={current} help={t("help")} error={form.fieldErrors?.phone} />
      <Button type="submit" disabled={form.pending}>
        {t("save")}
      </Button>
    </form>
  );
}
