"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { addDncNumbers, type DncAddSummary } from "@/lib/actions/dnc";

/** One number or a pasted batch, with one reason; what was not added is shown and left in the field to correct. */
export function AddDncForm() {
  const t = useTranslations("dnc.add");
  const form = useActionForm(addDncNumbers, (summary, element) => {
    const phones = element.elements.namedItem("phones") as HTMLTextAreaElement;
    if (summary.invalid.length > 0) phones.value = summary.invalid.join("\n");
    else element.reset();
    phones.focus();
  });
  const fe = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {form.state?.ok && <AddSummary summary={form.state.data} />}
      <div className="grid gap-4 md:grid-cols-2">
        <TextAreaField label={t("phones")} name="phones" rows={5} required help={t("phonesHelp")} error={fe?.phones} />
        <div className="space-y-4">
          <TextField label={t("reason")} name="reason" required maxLength={200} help={t("reasonHelp")} error={fe?.reason} />
          <Button type="submit" disabled={form.pending}>
            {form.pending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}

function AddSummary({ summary }: { summary: DncAddSummary }) {
  const t = useTranslations("dnc.add");
  const groups = [
    { key: "alreadyListed", items: summary.alreadyListed },
    { key: "duplicates", items: summary.duplicates },
    { key: "invalid", items: summary.invalid },
  ] as const;
  return (
    <Notice tone={summary.invalid.length > 0 ? "warning" : "success"}>
      <p className="font-medium" data-testid="dnc-added">
        {t("added", { count: summary.added.length })}
      </p>
      {groups.map(
        (g) =>
          g.items.length > 0 && (
            <p key={g.key} className="mt-1" data-testid={`dnc-${g.key}`}>
              {t(g.key, { count: g.items.length })} <span className="font-mono">{g.items.join(", ")}</span>
            </p>
          ),
      )}
    </Notice>
  );
}
