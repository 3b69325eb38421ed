/** What an upload is, judged by its bytes (never by its name): a CSV is text, an XLSX is a zip with the OOXML parts. */
export type DetectedFormat = { ok: true; format: "csv" | "xlsx" } | { ok: false; reason: "empty" | "binary" | "notSpreadsheet" };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SAMPLE = 64 * 1024;

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0 || isBlank(bytes)) return { ok: false, reason: "empty" };
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    // Zip entry names are stored as plain text in the local headers: an OOXML workbook names both parts.
    const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
    return latin.includes("[Content_Types].xml") && latin.includes("xl/") ? { ok: true, format: "xlsx" } : { ok: false, reason: "notSpreadsheet" };
  }
  return looksLikeText(bytes.subarray(0, SAMPLE)) ? { ok: true, format: "csv" } : { ok: false, reason: "binary" };
}

/** No NUL bytes and almost no control characters other than tab, CR, LF. */
function looksLikeText(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control <= sample.length / 1000;
}

function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, SAMPLE); i++) {
    const b = bytes[i] as number;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return bytes.length - start <= SAMPLE;
}

export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1251";

/** UTF-8 (with or without BOM) when it decodes strictly, otherwise Windows-1251 — what Russian Excel writes. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
  }
}

/** The longest line, in bytes; a CSV with a line longer than this is refused before it is parsed. */
export const MAX_LINE_BYTES = 1024 * 1024;

export function longestLine(bytes: Uint8Array): number {
  let longest = 0;
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
  }
  return Math.max(longest, bytes.length - start);
}
