import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { type CallFilters, type CallListRow, type CallSort, listCalls } from "@/lib/db/queries/call-list";
import { csvResponse } from "@/lib/imports/csv-stream";
import { zoneDateTime } from "@/lib/calls/zone-time";
import { neutraliseCell } from "@/lib/imports/neutralise";

/** Rows read per keyset page while exporting: memory stays flat whatever the total. */
export const EXPORT_PAGE = 2000;

export const EXPORT_COLUMNS = [
  "id",
  "provider",
  "connection",
  "campaign",
  "phone",
  "status",
  "rawStatus",
  "final",
  "durationSeconds",
  "dialedAt",
  "answeredAt",
  "endedAt",
  "ivrAnswer",
  "ivrAction",
  "recording",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export type ExportContext = {
  header: Record<ExportColumn, string>;
  statusLabel: (status: string) => string;
  yesNo: (value: boolean) => string;
  connectionName: (id: string) => string;
  campaignName: (id: string | null) => string;
  timeZone: string;
};

/** Every call under the filters, page after page in the page's order (the keyset cursor, never OFFSET). */
export async function* exportPages({ filters, sort, page = EXPORT_PAGE }: { filters: CallFilters; sort: CallSort; page?: number }): AsyncGenerator<CallListRow[]> {
  let after: { k: string; id: string } | undefined;
  for (;;) {
    const { rows, next } = await listCalls({ filters, sort, after, limit: page });
    if (rows.length > 0) yield rows;
    if (!next) return;
    after = next;
  }
}

/** One call as export cells, in EXPORT_COLUMNS order; times as `yyyy-mm-dd hh:mm:ss` in the user's zone. */
export function exportCells(row: CallListRow, ctx: ExportContext): (string | number | null)[] {
  const time = (d: Date | null) => (d ? zoneDateTime(d, ctx.timeZone) : null);
  return [
    row.id,
    row.provider,
    ctx.connectionName(row.connectionId),
    ctx.campaignName(row.campaignId),
    row.phone,
    ctx.statusLabel(row.status),
    row.rawStatus,
    ctx.yesNo(row.final),
    row.durationSeconds,
    time(row.dialedAt),
    time(row.answeredAt),
    time(row.endedAt),
    row.ivrAnswer,
    row.ivrAction,
    ctx.yesNo(row.recordingRef !== null),
  ];
}

export function callsCsv(fileName: string, pages: AsyncGenerator<CallListRow[]>, ctx: ExportContext): Response {
  return csvResponse(
    fileName,
    EXPORT_COLUMNS.map((c) => ctx.header[c]),
    async function* () {
      for await (const rows of pages) yield rows.map((row) => exportCells(row, ctx));
    },
  );
}

/** XLSX through exceljs's streaming writer: each row is committed and leaves memory as it is written. */
export function callsXlsx(fileName: string, pages: AsyncGenerator<CallListRow[]>, ctx: ExportContext): Response {
  const out = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet("Calls");
      sheet.addRow(EXPORT_COLUMNS.map((c) => ctx.header[c])).commit();
      for await (const rows of pages) {
        for (const row of rows) sheet.addRow(exportCells(row, ctx).map((cell) => (typeof cell === "string" ? neutraliseCell(cell) : cell))).commit();
        // A slow download holds the reading back rather than filling memory.
        if (out.writableNeedDrain) await once(out, "drain");
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      console.error("[xlsx] export failed:", error instanceof Error ? error.message : "unknown");
      out.destroy(error instanceof Error ? error : new Error("export failed"));
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

/** `calls-<what>-<yyyy-mm-dd_hhmm>.<ext>`: what was filtered and when it was made, in the user's zone. */
export function exportFileName(parts: string[], ext: "csv" | "xlsx", now: Date, timeZone: string): string {
  const when = zoneDateTime(now, timeZone).replace(" ", "_").replace(/:\d{2}$/, "").replace(":", "");
  const what = parts
    .map((p) => p.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase())
    .filter(Boolean)
    .join("-")
    .slice(0, 80);
  return `calls${what ? `-${what}` : "-all"}-${when}.${ext}`;
}
