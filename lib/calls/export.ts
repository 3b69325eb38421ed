import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { zoneDateTime } from "@/lib/calls/zone-time";
import { type CallExportRow, type CallFilters, type CallSort, streamCallsForExport } from "@/lib/db/queries/call-list";
import { csvTextResponse } from "@/lib/imports/csv-stream";
import { csvCell, csvLine, neutraliseCell } from "@/lib/imports/neutralise";

/** Rows read per cursor fetch (or keyset page on PGlite) while exporting: memory stays flat whatever the total (5,000 rows are about 1 MB of CSV). */
export const EXPORT_PAGE = 5000;

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

/** Every call under the filters, `page` rows at a time in the page's order (a server-side cursor, or keyset pages: never OFFSET). */
export function exportPages({ filters, sort, page = EXPORT_PAGE }: { filters: CallFilters; sort: CallSort; page?: number }): AsyncGenerator<CallExportRow[]> {
  return streamCallsForExport({ filters, sort, batch: page });
}

/** One call as export cells, in EXPORT_COLUMNS order; times as `yyyy-mm-dd hh:mm:ss` in the user's zone. */
export function exportCells(row: CallExportRow, ctx: ExportContext): (string | number | null)[] {
  const time = (ms: number | null) => (ms === null ? null : zoneDateTime(ms, ctx.timeZone));
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
    ctx.yesNo(row.hasRecording),
  ];
}

/**
 * The CSV of the export's pages, one string (one stream chunk) per page. Each line is what `csvLine` makes of
 * `exportCells`, built by concatenation: the cells looked up by id (connection, campaign, status label, yes/no)
 * are escaped once per export, not once per row, and the rest go through `csvCell` one by one.
 */
export function callsCsv(fileName: string, pages: AsyncGenerator<CallExportRow[]>, ctx: ExportContext): Response {
  const once = <K>(make: (key: K) => string) => {
    const cache = new Map<K, string>();
    return (key: K) => {
      let cell = cache.get(key);
      if (cell === undefined) {
        cell = csvCell(make(key));
        cache.set(key, cell);
      }
      return cell;
    };
  };
  const connection = once(ctx.connectionName);
  const campaign = once(ctx.campaignName);
  const status = once(ctx.statusLabel);
  const yes = csvCell(ctx.yesNo(true));
  const no = csvCell(ctx.yesNo(false));
  const time = (ms: number | null) => (ms === null ? "" : csvCell(zoneDateTime(ms, ctx.timeZone)));
  const text = (value: string | null) => (value === null ? "" : csvCell(value));
  const line = (r: CallExportRow) =>
    `${csvCell(r.id)},${csvCell(r.provider)},${connection(r.connectionId)},${campaign(r.campaignId)},${csvCell(r.phone)},${status(r.status)},${text(r.rawStatus)},${r.final ? yes : no},${
      r.durationSeconds === null ? "" : csvCell(String(r.durationSeconds))
    },${time(r.dialedAt)},${time(r.answeredAt)},${time(r.endedAt)},${text(r.ivrAnswer)},${text(r.ivrAction)},${r.hasRecording ? yes : no}\r\n`;
  return csvTextResponse(fileName, csvLine(EXPORT_COLUMNS.map((c) => ctx.header[c])), async function* () {
    for await (const rows of pages) {
      let chunk = "";
      for (const row of rows) chunk += line(row);
      yield chunk;
    }
  });
}

/** XLSX through exceljs's streaming writer: each row is committed and leaves memory as it is written. */
export function callsXlsx(fileName: string, pages: AsyncGenerator<CallExportRow[]>, ctx: ExportContext): Response {
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
