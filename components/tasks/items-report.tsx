import Link from "next/link";
import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";
import { listTaskItems } from "@/lib/db/queries/tasks";
import type { Task, TaskItem } from "@/lib/db/schema";

const PER_PAGE = 50;

export type ItemsReportLabels = { all: string; filter: string; pages: string; first: string; next: string; empty: string; table: string };

/**
 * A task's items, 50 at a time, filtered by outcome and paged by item order (`after` = the last item's number on
 * the previous page): the filter links, the table and the pager. The caller says which outcomes can be
 * filtered on, the columns and how one item reads; the task page and the import report both show theirs so.
 */
export async function ItemsReport({
  task,
  outcome,
  after,
  path,
  isOutcome,
  filters,
  labels,
  head,
  row,
}: {
  task: Task;
  outcome?: string;
  after?: string;
  /** The page the links lead back to, e.g. `/tasks/<id>`. */
  path: string;
  isOutcome: (outcome: string) => boolean;
  filters: { outcome: string; label: string }[];
  labels: ItemsReportLabels;
  head: ReactNode;
  row: (item: TaskItem) => ReactNode;
}) {
  const filter = outcome && isOutcome(outcome) ? outcome : undefined;
  const afterSeq = after && /^\d{1,9}$/.test(after) ? Number(after) : -1;
  const rows = await listTaskItems({ taskId: task.id, outcome: filter, afterSeq, limit: PER_PAGE + 1 });
  const items = rows.slice(0, PER_PAGE);
  const next = rows.length > PER_PAGE ? items.at(-1)?.seq : undefined;
  const href = (o: string | undefined, a?: number) => {
    const params = new URLSearchParams();
    if (o) params.set("outcome", o);
    if (a !== undefined) params.set("after", String(a));
    const qs = params.toString();
    return `${path}${qs ? `?${qs}` : ""}`;
  };
  return (
    <>
      <nav aria-label={labels.filter} className="flex flex-wrap gap-2 text-sm">
        <FilterLink href={href(undefined)} active={!filter}>
          {labels.all}
        </FilterLink>
        {filters.map((f) => (
          <FilterLink key={f.outcome} href={href(f.outcome)} active={filter === f.outcome}>
            {f.label} ({task.counts[f.outcome] ?? 0})
          </FilterLink>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.empty}</p>
      ) : (
        <Table label={labels.table}>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{items.map(row)}</tbody>
        </Table>
      )}
      <nav aria-label={labels.pages} className="flex justify-between text-sm">
        {afterSeq >= 0 ? (
          <Link href={href(filter)} className="text-indigo-700 underline">
            {labels.first}
          </Link>
        ) : (
          <span />
        )}
        {next !== undefined && (
          <Link href={href(filter, next)} className="text-indigo-700 underline">
            {labels.next}
          </Link>
        )}
      </nav>
    </>
  );
}

function FilterLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
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
