import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BATCH_ROWS, readCsv, readXlsx, TableError, tableRows } from "@/lib/imports/read-table";
import { encode1251 } from "@/lib/imports/test-files";

async function collect(batches: AsyncGenerator<string[][]>): Promise<{ rows: string[][]; sizes: number[] }> {
  const rows: string[][] = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { rows, sizes };
}

describe("a file read as a stream of row batches", () => {
  // Quoted cells with the delimiter, quotes and line breaks inside, and blank lines, across batch boundaries.
  const lines = ["ФИО;Телефон;Заметка"];
  for (let i = 0; i < 2_500; i++) {
    // Long enough that the file is read in several pieces, with quoted line breaks across their ends.
    const note = i % 7 === 0 ? `"две строки;\r\nи ""кавычки"" ${"ё".repeat(i % 300)} ${i}"` : `заметка ${"я".repeat(i % 500)} ${i}`;
    lines.push(`Абонент ${i};8 (900) ${String(i).padStart(7, "0")};${note}`);
    if (i % 400 === 0) lines.push("");
  }
  const csv = encode1251(lines.join("\r\n"));

  it("gives a CSV's rows exactly as the whole-file read does, a batch at a time", async () => {
    const { info, batches } = tableRows("csv", csv);
    const { rows, sizes } = await collect(batches);
    expect(rows).toEqual(readCsv(csv).rows);
    expect(rows).toHaveLength(2_501);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BATCH_ROWS);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(info).toEqual({ encoding: "windows-1251", delimiter: ";" });
    expect(csv.length).toBeGreaterThan(2 * 256 * 1024);
  });

  it("gives the first worksheet of an XLSX as the whole-workbook read does", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Лист1");
    sheet.addRow(["ФИО", "Телефон", "Код"]);
    for (let i = 0; i < 2_200; i++) sheet.addRow([`Абонент ${i}`, i % 3 === 0 ? 79001000000 + i : `8 (900) ${String(i).padStart(7, "0")}`, `=HYPERLINK("x")`]);
    workbook.addWorksheet("Лист2").addRow(["не читается"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { rows, sizes } = await collect(tableRows("xlsx", bytes).batches);
    expect(rows).toEqual((await readXlsx(bytes)).rows);
    expect(rows).toHaveLength(2_201);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BATCH_ROWS);
  });

  it("refuses past the row limit, and an XLSX it cannot read", async () => {
    await expect(collect(tableRows("csv", csv, 1_500).batches)).rejects.toEqual(new TableError("tooManyRows"));
    await expect(collect(tableRows("xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).batches)).rejects.toBeInstanceOf(TableError);
  });
});
