"use client";

import { useTranslations } from "next-intl";
import type { ImportCheck } from "@/lib/imports/prepare";
import { usePhoneFormat } from "@/components/ui/use-phone";

/** What the import will do before anything is sent: counts, then the refused rows with the reason. */
export function ImportCheckView({ check, dncTarget }: { check: ImportCheck; dncTarget: boolean }) {
  const t = useTranslations("imports");
  const formatPhone = usePhoneFormat();
  return (
    <div className="space-y-3 text-sm" data-testid="import-check">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>{t("checkRows", { n: check.rows })}</li>
        <li className="font-medium text-emerald-700">{t("checkValid", { n: check.valid })}</li>
        <li>{t("checkInvalid", { n: check.invalidCount })}</li>
        <li>{t("checkDuplicates", { n: check.duplicateCount })}</li>
        {!dncTarget && <li>{t("checkDnc", { n: check.dncCount })}</li>}
      </ul>
      {check.invalid.length > 0 && (
        <details open>
          <summary className="cursor-pointer font-medium">{t("invalidRows")}</summary>
          <ul className="mt-1 list-disc pl-6 text-slate-700">
            {check.invalid.map((r) => (
              <li key={r.row}>{t("invalidRow", { row: r.row, value: r.value || "—", reason: t(`reasons.${r.reason}`) })}</li>
            ))}
          </ul>
        </details>
      )}
      {check.duplicates.length > 0 && (
        <details>
          <summary className="cursor-pointer font-medium">{t("duplicateRows")}</summary>
          <ul className="mt-1 list-disc pl-6 text-slate-700">
            {check.duplicates.map((r) => (
              <li key={`${r.row}-${r.phone}`}>{t("duplicateRow", { row: r.row, phone: formatPhone(r.phone), first: r.firstRow })}</li>
            ))}
          </ul>
        </details>
      )}
      {check.dnc.length > 0 && !dncTarget && (
        <details open>
          <summary className="cursor-pointer font-medium">{t("dncRows")}</summary>
          <ul className="mt-1 list-disc pl-6 text-slate-700">
            {check.dnc.map((p) => (
              <li key={p}>{formatPhone(p)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
