import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { findTask, listTaskItems } from "@/lib/db/queries/tasks";
import { csvResponse } from "@/lib/imports/csv-stream";
import { reportRow } from "@/lib/imports/report";

const PAGE = 1000;

/** An import's report as CSV: every row with its outcome and reason; cells a spreadsheet would run are neutralised. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("unauthenticated", { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  const task = id.success ? await findTask({ id: id.data }) : undefined;
  if (task?.kind !== "import" || (task.ownerId !== user.id && user.role !== "admin")) return new Response("not found", { status: 404 });
  const t = await getTranslations("imports");
  const label = (key: string) => (t.has(key) ? t(key) : key);
  return csvResponse(`import-report-${task.id.slice(0, 8)}.csv`, [t("report.row"), t("report.phone"), t("report.name"), t("report.outcome"), t("report.reason")], async function* () {
    for (let after = -1; ; ) {
      const items = await listTaskItems({ taskId: task.id, afterSeq: after, limit: PAGE });
      if (items.length === 0) return;
      yield items.map((item) => {
        const row = reportRow(item);
        return [row.row, row.phone, row.name, label(`outcomes.${row.outcome}`), row.reason ? label(`reasons.${row.reason}`) + (row.value ? `: ${row.value}` : "") : ""];
      });
      after = items.at(-1)?.seq ?? after;
    }
  });
}
