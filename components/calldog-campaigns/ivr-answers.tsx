"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { IvrAnswerRow } from "@/lib/actions/calldog-campaign-results";

/** How many callees chose each key of the menu, with what that key does; a key's row filters the calls below. */
export function IvrAnswers({ rows, onShow }: { rows: IvrAnswerRow[]; onShow: (answer: string) => void }) {
  const t = useTranslations("calldogResults.ivr");
  const format = useFormatter();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const answered = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <table className="w-full text-sm" data-testid="ivr-answers">
      <thead>
        <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <th scope="col" className="px-2 py-2">
            {t("key")}
          </th>
          <th scope="col" className="px-2 py-2">
            {t("action")}
          </th>
          <th scope="col" className="px-2 py-2 text-right">
            {t("count")}
          </th>
          <th scope="col" className="px-2 py-2">
            <span className="sr-only">{t("show")}</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={`${row.inMenu}:${row.label}:${row.filter}`} data-testid="ivr-answer-row" data-answer={row.filter}>
            <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-medium text-slate-900">
              {row.label}
            </th>
            <td className="px-2 py-2 text-slate-700 [overflow-wrap:anywhere]">{row.actions.join(" · ")}</td>
            <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
              <span data-testid="ivr-answer-count">{format.number(row.count)}</span>
              {answered > 0 && <span className="ml-1 text-xs text-slate-500">({format.number(row.count / answered, { style: "percent", maximumFractionDigits: 0 })})</span>}
            </td>
            <td className="px-2 py-2 text-right">
              {row.count > 0 && (
                <button type="button" className="text-indigo-700 underline" onClick={() => onShow(row.filter)}>
                  {t("showCalls")}
                  <span className="sr-only"> · {row.label}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
