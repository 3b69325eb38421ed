"use client";

import { useTranslations } from "next-intl";
import type { Mapping } from "@/lib/imports/plan";

type Role = "skip" | "phone" | "name" | "externalCode" | "email";
const ROLES: Role[] = ["skip", "phone", "name", "externalCode", "email"];

/** The first rows as they were read (text, never markup), with a "use as" choice above every column. */
export function ColumnMapping({ headers, preview, mapping, onChange }: { headers: string[]; preview: string[][]; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const t = useTranslations("imports");
  const roleOf = (i: number): Role =>
    mapping.phone.includes(i) ? "phone" : mapping.name === i ? "name" : mapping.externalCode === i ? "externalCode" : mapping.email === i ? "email" : "skip";
  const set = (i: number, role: Role) => {
    const next: Mapping = { ...mapping, phone: mapping.phone.filter((p) => p !== i) };
    for (const key of ["name", "externalCode", "email"] as const) if (next[key] === i) next[key] = undefined;
    if (role === "phone") next.phone = [...next.phone, i].sort((a, b) => a - b);
    else if (role !== "skip") next[role] = i;
    onChange(next);
  };
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("previewCaption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            {headers.map((h, i) => (
              <th key={`${i}-${h}`} scope="col" className="px-3 py-2 text-left align-top font-medium text-slate-700">
                <div className="mb-1 whitespace-nowrap">{h}</div>
                <select
                  aria-label={t("useColumnAs", { column: h })}
                  value={roleOf(i)}
                  onChange={(e) => set(i, e.target.value as Role)}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-normal"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.map((row, r) => (
            <tr key={r}>
              {headers.map((h, i) => (
                <td key={`${i}-${h}`} className="max-w-64 truncate px-3 py-1.5 text-slate-800">
                  {row[i] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {mapping.phone.length === 0 && (
        <p role="alert" className="px-3 py-2 text-xs text-red-600">
          {t("needPhone")}
        </p>
      )}
    </div>
  );
}
