"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField, TimeField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateDialingPolicy } from "@/lib/actions/dialing-policy";

type Policy = { callingWindowFrom: string; callingWindowTo: string; managerLaunchLimit: number };

export function DialingPolicyForm({ policy }: { policy: Policy }) {
  const t = useTranslations("dialingPolicy");
  const router = useRouter();
  const form = useActionForm(updateDialingPolicy, () => router.refresh());
  const fe = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="max-w-xl space-y-5" noValidate>
      {form.state?.ok && <Notice tone="success">{t("saved")}</Notice>}
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("window")}</legend>
        <p className="text-sm text-slate-500">{t("windowHelp")}</p>
        <div className="grid max-w-sm grid-cols-2 gap-4">
          <TimeField label={t("from")} name="callingWindowFrom" required defaultValue={policy.callingWindowFrom} error={fe?.callingWindowFrom} />
          <TimeField label={t("to")} name="callingWindowTo" required defaultValue={policy.callingWindowTo} error={fe?.callingWindowTo} />
        </div>
      </fieldset>
      <TextField
        label={t("limit")}
        name="managerLaunchLimit"
        type="number"
        inputMode="numeric"
        min={1}
        max={1_000_000}
        required
        defaultValue={policy.managerLaunchLimit}
        help={t("limitHelp")}
        error={fe?.managerLaunchLimit}
        className="max-w-sm"
      />
      <Button type="submit" disabled={form.pending}>
        {t("save")}
      </Button>
    </form>
  );
}
