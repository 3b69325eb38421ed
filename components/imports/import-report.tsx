import { getTranslations } from "next-intl/server";
import { ItemsReport } from "@/components/tasks/items-report";
import { Td, Th } from "@/components/ui/table";
import type { Task } from "@/lib/db/schema";
import { reportRow } from "@/lib/imports/report";
import { formatPhone } from "@/lib/phone-format";

const OUTCOMES = ["added", "updated", "already", "duplicate", "dnc", "invalid", "failed"];

/** The import's rows with what happened to each, by outcome, 50 at a time. Every value is shown as text. */
export async function ImportReport({ task, outcome, after }: { task: Task; outcome?: string; after?: string }) {
  const t = await getTranslations("imports");
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-counts">
        {OUTCOMES.map((o) => (
          <div key={o} className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(`outcomes.${o}`)}</dt>
            <dd className="text-lg font-semibold text-slate-900" data-testid={`report-count-${o}`}>
              {task.counts[o] ?? 0}
            </dd>
          </div>
        ))}
      </dl>
      <ItemsReport
        task={task}
        outcome={outcome}
        after={after}
        path={`/imports/${task.id}`}
        isOutcome={(o) => OUTCOMES.includes(o)}
        filters={OUTCOMES.filter((o) => (task.counts[o] ?? 0) > 0).map((o) => ({ outcome: o, label: t(`outcomes.${o}`) }))}
        labels={{ all: t("report.all", { n: task.total }), filter: t("report.filter"), pages: t("report.pages"), first: t("report.first"), next: t("report.next"), empty: t("report.empty"), table: t("report.title") }}
        head={
          <>
            <Th className="w-20">{t("report.row")}</Th>
            <Th>{t("report.phone")}</Th>
            <Th>{t("report.name")}</Th>
            <Th>{t("report.outcome")}</Th>
            <Th>{t("report.reason")}</Th>
          </>
        }
        row={(item) => {
          const row = reportRow(item);
          return (
            <tr key={item.id} data-testid="import-row">
              <Td className="text-slate-500">{row.row ?? "—"}</Td>
              <Td className="whitespace-nowrap font-mono text-xs">{row.phone.startsWith("+") ? formatPhone(row.phone) : row.phone}</Td>
              <Td>{row.name}</Td>
              <Td>{t.has(`outcomes.${row.outcome}`) ? t(`outcomes.${row.outcome}`) : t("outcomes.pending")}</Td>
              <Td className="text-slate-600">
                {row.reason ? `${t.has(`reasons.${row.reason}`) ? t(`reasons.${row.reason}`) : row.reason}${row.value ? `: ${row.value}` : ""}` : ""}
              </Td>
            </tr>
          );
        }}
      />
    </div>
  );
}
