import { currentUser } from "@/lib/auth/current-user";
import { listDncEntries } from "@/lib/db/queries/dnc";
import { csvResponse } from "@/lib/imports/csv-stream";

const PAGE = 1000;

/** The whole do-not-call list as CSV, newest first, read page by page; cells a spreadsheet would run are neutralised. */
export async function GET(): Promise<Response> {
  if (!(await currentUser())) return new Response("unauthenticated", { status: 401 });
  const date = new Date().toISOString().slice(0, 10);
  return csvResponse(`do-not-call-${date}.csv`, ["phone", "reason", "source", "added_by", "added_at"], async function* () {
    let before: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await listDncEntries({ before, limit: PAGE });
      if (rows.length === 0) return;
      yield rows.map((r) => [r.phone, r.reason, r.source, r.addedByEmail, r.createdAt.toISOString()]);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      before = { createdAt: last.createdAt, id: last.id };
    }
  });
}
