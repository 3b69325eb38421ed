import { getTranslations } from "next-intl/server";
import { describeDetail } from "@/components/tasks/item-detail";
import { ItemsReport } from "@/components/tasks/items-report";
import { Td, Th } from "@/components/ui/table";
import type { Task } from "@/lib/db/schema";
import { formatPhone } from "@/lib/phone-format";

/** A task's items with their outcomes. Outcomes counted before the task (invalid, duplicate) have no items. */
export async function TaskItemsReport({ task, outcome, after }: { task: Task; outcome?: string; after?: string }) {
  const t = await getTranslations("tasks");
  const label = (o: string) => (t.has(`outcomes.${o}`) ? t(`outcomes.${o}`) : o);
  const itemOutcomes = Object.entries(task.counts).filter(([o, n]) => n > 0 && o !== "invalid" && o !== "duplicate");
  return (
    <div className="space-y-4">
      <ItemsReport
        task={task}
        outcome={outcome}
        after={after}
        path={`/tasks/${task.id}`}
        isOutcome={(o) => /^[a-z_]{1,40}$/i.test(o)}
        filters={itemOutcomes.map(([o]) => ({ outcome: o, label: label(o) }))}
        labels={{ all: t("allItems", { n: task.total }), filter: t("filterByOutcome"), pages: t("pages"), first: t("firstPage"), next: t("nextPage"), empty: t("noItems"), table: t("report") }}
        head={
          <>
            <Th className="w-16">#</Th>
            <Th>{t("item")}</Th>
            <Th>{t("outcome")}</Th>
            <Th>{t("detail")}</Th>
          </>
        }
        row={(item) => (
          <tr key={item.id} data-testid="task-item-row">
            <Td className="text-slate-500">{item.seq + 1}</Td>
            <Td className="whitespace-nowrap font-mono text-xs">{item.key.startsWith("+") ? formatPhone(item.key) : item.key}</Td>
            <Td>{item.outcome ? label(item.outcome) : t(`itemStates.${item.state}`)}</Td>
            <Td className="text-slate-600">{describeDetail(item.detail, t)}</Td>
          </tr>
        )}
      />
    </div>
  );
}
