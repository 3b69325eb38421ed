import { describe, expect, it } from "vitest";
import { decodeText, detectFormat, longestLine } from "@/lib/imports/detect";
import { encode1251, RUSSIAN_CSV } from "@/lib/imports/test-files";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe("detectFormat", () => {
  it("refuses an empty or blank file", () => {
    expect(detectFormat(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect(detectFormat(new TextEncoder().encode(" \r\n\n"))).toEqual({ ok: false, reason: "empty" });
  });
  it("refuses a PNG whatever its name", () => {
    expect(detectFormat(PNG)).toEqual({ ok: false, reason: "binary" });
  });
  it("refuses random binary data", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    expect(detectFormat(bytes)).toEqual({ ok: false, reason: "binary" });
  });
  it("takes text as CSV and a zip with the OOXML parts as XLSX, not any zip", () => {
    expect(detectFormat(encode1251(RUSSIAN_CSV))).toEqual({ ok: true, format: "csv" });
    const zip = (names: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(names)]);
    expect(detectFormat(zip("[Content_Types].xml xl/workbook.xml"))).toEqual({ ok: true, format: "xlsx" });
    expect(detectFormat(zip("word/document.xml"))).toEqual({ ok: false, reason: "notSpreadsheet" });
  });
});

describe("decodeText", () => {
  it("reads UTF-8, UTF-8 with BOM and Windows-1251", () => {
    expect(decodeText(new TextEncoder().encode("Имя;Телефон"))).toEqual({ text: "Имя;Телефон", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Имя")]))).toEqual({ text: "Имя", encoding: "utf-8-bom" });
    expect(decodeText(encode1251("Иванов Иван; ёлка"))).toEqual({ text: "Иванов Иван; ёлка", encoding: "windows-1251" });
  });
});

describe("longestLine", () => {
  it("measures the longest line in bytes", () => {
    expect(longestLine(new TextEncoder().encode("ab\ncdef\r\ng"))).toBe(5);
    expect(longestLine(new Uint8Array(3_000_000).fill(0x41))).toBe(3_000_000);
  });
});
