import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { callsCsv, callsXlsx, EXPORT_COLUMNS, type ExportContext, exportCells, exportFileName } from "@/lib/calls/export";
import type { CallExportRow } from "@/lib/db/queries/call-list";
import { csvLine } from "@/lib/imports/neutralise";

const row: CallExportRow = {
  id: "5f0c3c1e-8f1a-4a57-9d0e-2b1f1f0d3a11",
  provider: "calldron",
  connectionId: "c1",
  campaignId: "k1",
  phone: "+79991234567",
  status: "answered",
  rawStatus: "answered",
  final: true,
  durationSeconds: 42,
  dialedAt: Date.parse("2026-03-10T12:00:00Z"),
  answeredAt: null,
  endedAt: Date.parse("2026-03-10T12:00:42Z"),
  ivrAnswer: "@SUM(1)",
  ivrAction: "-2+3",
  hasRecording: true,
};

const ctx: ExportContext = {
  header: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as ExportContext["header"],
  statusLabel: (s) => `status:${s}`,
  yesNo: (v) => (v ? "yes" : "no"),
  connectionName: () => "Main; office",
  campaignName: () => '=HYPERLINK("http://evil","click")',
  timeZone: "Europe/Moscow",
};

async function* pages(): AsyncGenerator<CallExportRow[]> {
  yield [row];
  yield [{ ...row, id: "second", campaignId: null, hasRecording: false }];
}

describe("calls export", () => {
  it("CSV: every page, cells a spreadsheet would run neutralised, times in the user's zone", async () => {
    const response = callsCsv("calls.csv", pages(), ctx);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="calls.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(","));
    const first = lines[1] as string;
    expect(first).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(first).toContain("'+79991234567");
    expect(first).toContain("'@SUM(1)");
    expect(first).toContain("'-2+3");
    expect(first).toContain('"Main; office"');
    expect(first).toContain("2026-03-10 15:00:00");
    expect(lines[2]).toMatch(/^second,/);
  });

  it("CSV: each line is exactly csvLine of the row's cells, whatever the cells hold", async () => {
    const odd: CallExportRow[] = [
      row,
      { ...row, id: "a", rawStatus: null, durationSeconds: null, dialedAt: null, endedAt: null, ivrAnswer: null, ivrAction: null, final: false, hasRecording: false },
      { ...row, id: "b", rawStatus: 'say "hi", then\nhang up', durationSeconds: -3, ivrAnswer: "\tx", ivrAction: "a;b", answeredAt: Date.parse("2026-10-25T00:30:00.999Z") },
      { ...row, id: "c", status: "no_answer", phone: "=1+2", campaignId: "k2", connectionId: "c2" },
    ];
    const labels: ExportContext = {
      ...ctx,
      statusLabel: (s) => (s === "answered" ? "+Answered" : `"${s}"`),
      yesNo: (v) => (v ? "да, yes" : "-no"),
      connectionName: (id) => `@${id}`,
      campaignName: (id) => (id === null ? "" : `${id}, ok`),
      timeZone: "Europe/London",
    };
    async function* all(): AsyncGenerator<CallExportRow[]> {
      yield odd.slice(0, 2);
      yield odd.slice(2);
    }
    const text = (await callsCsv("calls.csv", all(), labels).text()).replace(/^\uFEFF/, "");
    expect(text).toBe(csvLine(EXPORT_COLUMNS.map((c) => labels.header[c])) + odd.map((r) => csvLine(exportCells(r, labels))).join(""));
    expect(text).toContain("2026-10-25 01:30:00");
  });

  it("CSV: streams a page at a time, as the reader asks", async () => {
    let made = 0;
    async function* many(): AsyncGenerator<CallExportRow[]> {
      for (let page = 0; page < 1000; page++) {
        made++;
        yield Array.from({ length: 10 }, (_, i) => ({ ...row, id: `${page}-${i}` }));
      }
    }
    const reader = (callsCsv("calls.csv", many(), ctx).body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The header and a page or two were read; the rest is not made ahead of the reader.
    expect(made).toBeLessThan(5);
    await reader.cancel();
  });

  it("XLSX: the same rows through the streaming writer, neutralised", async () => {
    const response = callsXlsx("calls.xlsx", pages(), ctx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(3);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values[3]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(values[4]).toBe("'+79991234567");
    expect(values[8]).toBe(42);
    expect((sheet.getRow(3).values as unknown[])[1]).toBe("second");
  });

  it("names the file after what was filtered and when", () => {
    expect(exportFileName(["calldron", "answered"], "csv", new Date("2026-03-10T21:30:00Z"), "Europe/Moscow")).toBe("calls-calldron-answered-2026-03-11_0030.csv");
    expect(exportFileName([], "xlsx", new Date("2026-03-10T21:30:00Z"), "UTC")).toBe("calls-all-2026-03-10_2130.xlsx");
  });
});
