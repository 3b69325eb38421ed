import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { callsCsv, callsXlsx, EXPORT_COLUMNS, type ExportContext, exportFileName } from "@/lib/calls/export";
import type { CallListRow } from "@/lib/db/queries/call-list";

const row: CallListRow = {
  id: "5f0c3c1e-8f1a-4a57-9d0e-2b1f1f0d3a11",
  provider: "calldron",
  connectionId: "c1",
  campaignId: "k1",
  providerCallId: "12/345",
  phone: "+79991234567",
  status: "answered",
  rawStatus: "answered",
  final: true,
  durationSeconds: 42,
  dialedAt: new Date("2026-03-10T12:00:00Z"),
  answeredAt: null,
  endedAt: new Date("2026-03-10T12:00:42Z"),
  ivrAnswer: "@SUM(1)",
  ivrAction: "-2+3",
  recordingRef: "12/345",
  at: new Date("2026-03-10T12:00:00Z"),
};

const ctx: ExportContext = {
  header: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as ExportContext["header"],
  statusLabel: (s) => `status:${s}`,
  yesNo: (v) => (v ? "yes" : "no"),
  connectionName: () => "Main; office",
  campaignName: () => '=HYPERLINK("http://evil","click")',
  timeZone: "Europe/Moscow",
};

async function* pages(): AsyncGenerator<CallListRow[]> {
  yield [row];
  yield [{ ...row, id: "second", campaignId: null, recordingRef: null }];
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
