import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { listTaskItems } from "@/lib/db/queries/tasks";
import type { Task } from "@/lib/db/schema";
import { reportRow } from "@/lib/imports/report";
import { formatPhone } from "@/lib/phone-format";

const PER_PAGE = 50;
const OUTCOMES = ["added", "updated", "already", "duplicate", "dnc", "invalid", "failed"];

/** The import's rows with what happened to each, by outcome, 50 at a time. Every value is shown as text. */
export async function ImportReport({ task, outcome, after }: { task: Task; outcome?: string; after?: string }) {
  const t = await getTranslations("imports");
  const filter = outcome && OUTCOMES.includes(outcome) ? outcome : undefined;
  const afterSeq = after && /^\d{1,9}$/.test(after) ? Number(after) : -1;
  const rows = await listTaskItems({ taskId: task.id, outcome: filter, afterSeq, limit: PER_PAGE + 1 });
  const items = rows.slice(0, PER_PAGE);
  const next = rows.length > PER_PAGE ? items.at(-1)?.seq : undefined;
  const href = (o?: string, a?: number) => {
    const params = new URLSearchParams();
    if (o) params.set("outcome", o);
    if (a !== undefined) params.set("after", String(a));
    const qs = params.toString();
    return `/imports/${task.id}${qs ? `?${qs}` : ""}`;
  };
  const counted = OUTCOMES.filter((o) => (task.counts[o] ?? 0) > 0);
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
      <nav aria-label={t("report.filter")} className="flex flex-wrap gap-2 text-sm">
        <FilterLink href={href()} active={!filter}>
          {t("report.all", { n: task.total })}
        </FilterLink>
        {counted.map((o) => (
          <FilterLink key={o} href={href(o)} active={filter === o}>
            {t(`outcomes.${o}`)} ({task.counts[o]})
          </FilterLink>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("report.empty")}</p>
      ) : (
        <Table label={t("report.title")}>
          <thead>
            <tr>
              <Th className="w-20">{t("report.row")}</Th>
              <Th>{t("report.phone")}</Th>
              <Th>{t("report.name")}</Th>
              <Th>{t("report.outcome")}</Th>
              <Th>{t("report.reason")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => {
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
            })}
          </tbody>
        </Table>
      )}
      <nav aria-label={t("report.pages")} className="flex justify-between text-sm">
        {afterSeq >= 0 ? (
          <Link href={href(filter)} className="text-indigo-700 underline">
            {t("report.first")}
          </Link>
        ) : (
          <span />
        )}
        {next !== undefined && (
          <Link href={href(filter, next)} className="text-indigo-700 underline">
            {t("report.next")}
          </Link>
        )}
      </nav>
    </div>
  );
}

function FilterLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={active ? "rounded-full bg-indigo-600 px-3 py-1 text-white" : "rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50"}
    >
      {children}
    </Link>
  );
}
