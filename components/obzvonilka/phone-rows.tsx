"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { freeSlot, type PhoneRow } from "@/lib/obzvonilka/contact-form";

/** phone1…phone10 with their remarks: each row keeps its slot, a new row takes the lowest free one. */
export function PhoneRows({ rows, onChange, errorOf }: { rows: PhoneRow[]; onChange: (rows: PhoneRow[]) => void; errorOf: (field: string) => string | undefined }) {
  const t = useTranslations("obzvonilka.form");
  const next = freeSlot(rows);
  const update = (slot: number, patch: Partial<PhoneRow>) => onChange(rows.map((r) => (r.slot === slot ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">{t("phones")}</legend>
      <p className="text-xs text-slate-500">{t("phonesHelp")}</p>
      {rows.map((row) => (
        <div key={row.slot} className="grid items-start gap-3 md:grid-cols-[1fr_1fr_auto]" data-testid={`phone-row-${row.slot}`}>
          <TextField
            label={t("phoneN", { n: row.slot })}
            name={`phone${row.slot}`}
            type="tel"
            value={row.phone}
            onChange={(e) => update(row.slot, { phone: e.target.value })}
            error={errorOf(`phone${row.slot}`)}
            maxLength={40}
          />
          <TextField
            label={t("remarkN", { n: row.slot })}
            name={`phone_remark${row.slot}`}
            value={row.remark}
            onChange={(e) => update(row.slot, { remark: e.target.value })}
            error={errorOf(`phone_remark${row.slot}`)}
            maxLength={255}
          />
          <Button variant="ghost" size="sm" className="md:mt-7" onClick={() => onChange(rows.filter((r) => r.slot !== row.slot))} aria-label={t("removePhone", { n: row.slot })}>
            {t("remove")}
          </Button>
        </div>
      ))}
      {next !== undefined ? (
        <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { slot: next, phone: "", remark: "" }].sort((a, b) => a.slot - b.slot))}>
          {t("addPhone")}
        </Button>
      ) : (
        <p className="text-xs text-slate-500">{t("allSlotsUsed")}</p>
      )}
    </fieldset>
  );
}
