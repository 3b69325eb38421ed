import { describe, expect, it } from "vitest";
import { csvLine, neutraliseCell } from "@/lib/imports/neutralise";
import { guessMapping, hasHeaderRow, headersOf, planImport } from "@/lib/imports/plan";
import { readCsv } from "@/lib/imports/read-table";
import { encode1251, RUSSIAN_CSV } from "@/lib/imports/test-files";

describe("a Windows-1251 `;` export read and planned", () => {
  const table = readCsv(encode1251(RUSSIAN_CSV));
  const header = hasHeaderRow(table.rows);
  const headers = headersOf(table.rows, header);

  it("is read with its encoding, delimiter and header", () => {
    expect(table.encoding).toBe("windows-1251");
    expect(table.delimiter).toBe(";");
    expect(header).toBe(true);
    expect(headers).toEqual(["ФИО", "Телефон", "Код", "Почта"]);
  });

  it("guesses the mapping from Russian headers", () => {
    expect(guessMapping(headers, table.rows.slice(1))).toEqual({ phone: [1], name: 0, externalCode: 2, email: 3 });
  });

  it("normalises `8 (9xx)`, lists the invalid row and the repeat with their rows, keys the rest by number", () => {
    const plan = planImport({ rows: table.rows, header, mapping: { phone: [1], name: 0, externalCode: 2, email: 3 }, perPhone: true });
    expect(plan.valid).toBe(3);
    expect(plan.invalid).toEqual([{ row: 4, reason: "invalidPhone", value: "12345" }]);
    expect(plan.duplicates).toEqual([{ row: 5, phone: "+79991000001", firstRow: 2 }]);
    expect(plan.items.map((i) => i.key)).toEqual(["+79991000001", "+79991000002", "invalid:4", "duplicate:5:+79991000001", "+79991000003"]);
    expect(plan.items[0]?.payload).toMatchObject({ row: 2, phone: "+79991000001", name: "Иванов Иван", email: "ivan@example.ru", externalCode: "A-1" });
  });

  it("keys a contact by its external code when a row is one contact", () => {
    const plan = planImport({ rows: table.rows, header, mapping: { phone: [1], name: 0, externalCode: 2 }, perPhone: false });
    expect(plan.items.map((i) => i.key)).toEqual(["code:A-1", "code:A-2", "invalid:4", "code:A-4", "code:A-5"]);
  });

  it("takes several phone columns and a row without any number", () => {
    const rows = [["Name", "Mobile", "Work"], ["A", "", "8 999 200 00 01"], ["B", "", ""], ["C", "89992000002", "89992000003"]];
    const plan = planImport({ rows, header: true, mapping: { phone: [1, 2], name: 0 }, perPhone: true });
    expect(plan.items.map((i) => i.key)).toEqual(["+79992000001", "invalid:3", "+79992000002", "+79992000003"]);
    expect(plan.invalid[0]?.reason).toBe("noPhone");
  });

  it("sees no header when the first row holds a number", () => {
    expect(hasHeaderRow([["89991234567", "Ivan"]])).toBe(false);
  });
});

describe("CSV cells a spreadsheet would run", () => {
  it("neutralises =, +, -, @, tab and CR", () => {
    for (const v of ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(neutraliseCell("Иван")).toBe("Иван");
  });
  it("quotes a cell with a delimiter or quote", () => {
    expect(csvLine(['=HYPERLINK("a")', "<script>x</script>", 3])).toBe(`"'=HYPERLINK(""a"")",<script>x</script>,3\r\n`);
  });
});
