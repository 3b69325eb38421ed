import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { describeDetail } from "@/components/tasks/item-detail";
import { Table, Td, Th } from "@/components/ui/table";
import { listTaskItems } from "@/lib/db/queries/tasks";
import type { Task } from "@/lib/db/schema";
import { formatPhone } from "@/lib/phone-format";

const PER_PAGE = 50;

/**
 * A task's items with their outcomes, filtered by outcome and paged by item order (`after` = the last item's
 * number on the previous page). Outcomes counted before the task (invalid, duplicate) have no items.
 */
export async function TaskItemsReport({ task, outcome, after }: { task: Task; outcome?: string; after?: string }) {
  const t = await getTranslations("tasks");
  const filter = outcome && /^[a-z_]{1,40}$/i.test(outcome) ? outcome : undefined;
  const afterSeq = after && /^\d{1,9}$/.test(after) ? Number(after) : -1;
  const rows = await listTaskItems({ taskId: task.id, outcome: filter, afterSeq, limit: PER_PAGE + 1 });
  const items = rows.slice(0, PER_PAGE);
  const next = rows.length > PER_PAGE ? items.at(-1)?.seq : undefined;
  const label = (o: string) => (t.has(`outcomes.${o}`) ? t(`outcomes.${o}`) : o);
  const href = (o: string | undefined, a?: number) => {
    const params = new URLSearchParams();
    if (o) params.set("outcome", o);
    if (a !== undefined) params.set("after", String(a));
    const qs = params.toString();
    return `/tasks/${task.id}${qs ? `?${qs}` : ""}`;
  };
  const itemOutcomes = Object.entries(task.counts).filter(([o, n]) => n > 0 && o !== "invalid" && o !== "duplicate");
  return (
    <div className="space-y-4">
      <nav aria-label={t("filterByOutcome")} className="flex flex-wrap gap-2 text-sm">
        <FilterLink href={href(undefined)} active={!filter}>
          {t("allItems", { n: task.total })}
        </FilterLink>
        {itemOutcomes.map(([o, n]) => (
          <FilterLink key={o} href={href(o)} active={filter === o}>
            {label(o)} ({n})
          </FilterLink>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noItems")}</p>
      ) : (
        <Table label={t("report")}>
          <thead>
            <tr>
              <Th className="w-16">#</Th>
              <Th>{t("item")}</Th>
              <Th>{t("outcome")}</Th>
              <Th>{t("detail")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => (
              <tr key={item.id} data-testid="task-item-row">
                <Td className="text-slate-500">{item.seq + 1}</Td>
                <Td className="whitespace-nowrap font-mono text-xs">{item.key.startsWith("+") ? formatPhone(item.key) : item.key}</Td>
                <Td>{item.outcome ? label(item.outcome) : t(`itemStates.${item.state}`)}</Td>
                <Td className="text-slate-600">{describeDetail(item.detail, t)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label={t("pages")} className="flex justify-between text-sm">
        {afterSeq >= 0 ? (
          <Link href={href(filter)} className="text-indigo-700 underline">
            {t("firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {next !== undefined && (
          <Link href={href(filter, next)} className="text-indigo-700 underline">
            {t("nextPage")}
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
