"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import type { FinalFilter } from "@/lib/calls/batch-calls";

/** The statuses Calldron is known to send (docs/providers.md); others found in a batch are offered too. */
const KNOWN_STATUSES = ["fresh", "dialing", "talking", "answered", "busy", "no_answer", "failed"];

export function CallsFilters({
  status,
  final,
  statusCounts,
  onChange,
}: {
  status: string;
  final: FinalFilter;
  statusCounts: Record<string, number>;
  onChange: (next: { status?: string; final?: FinalFilter }) => void;
}) {
  const t = useTranslations("callsPage");
  const word = (s: string) => (t.has(`statuses.${s}` as never) ? t(`statuses.${s}` as never) : s);
  const statuses = [...new Set([...KNOWN_STATUSES, ...Object.keys(statusCounts), ...(status ? [status] : [])])];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of filter controls that apply at once, not a submitted form
    <div role="group" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
      <SelectField label={t("filterStatus")} name="status" value={status} onChange={(e) => onChange({ status: e.target.value })} className="w-52">
        <option value="">{t("allStatuses")}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t("statusOption", { status: word(s), count: statusCounts[s] ?? 0 })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("filterFinal")} name="final" value={final} onChange={(e) => onChange({ final: e.target.value as FinalFilter })} className="w-52">
        <option value="all">{t("finalAll")}</option>
        <option value="final">{t("finalOnly")}</option>
        <option value="pending">{t("pendingOnly")}</option>
      </SelectField>
    </div>
  );
}
