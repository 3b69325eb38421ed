import { readLimited } from "@/lib/read-limited";
import "server-only";
import { createHash } from "node:crypto";
import { findImportMapping, insertImportFile } from "@/lib/db/queries/imports";
import { detectFormat, longestLine, MAX_LINE_BYTES } from "@/lib/imports/detect";
import { guessMapping, hasHeaderRow, headerSignature, headersOf, type Mapping, mappingSchema } from "@/lib/imports/plan";
import { TableError, tableRows } from "@/lib/imports/read-table";

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const PREVIEW_ROWS = 10;
/** Rows kept while an upload is read: the preview, the header guess (headersOf reads 50) and the mapping guess. */
const FIRST_ROWS = 50;

export type UploadRefusal = "tooLarge" | "empty" | "binary" | "notSpreadsheet" | "lineTooLong" | "tooManyRows" | "unreadable" | "noRows";

export type UploadPreview = {
  fileId: string;
  name: string;
  format: "csv" | "xlsx";
  encoding?: string;
  delimiter?: string;
  header: boolean;
  headers: string[];
  preview: string[][];
  rows: number;
  mapping: Mapping;
  remembered: boolean;
};

export class UploadError extends Error {
  constructor(readonly reason: UploadRefusal) {
    super(reason);
  }
}

/** The upload's bytes: refused past the limit (or when shorter than declared) as soon as that is known. */
export async function readUploadBody(body: ReadableStream<Uint8Array> | null, declaredLength: number | null, limit = MAX_UPLOAD_BYTES): Promise<Uint8Array> {
  const read = await readLimited(body, declaredLength, limit);
  if (read.ok) return read.bytes;
  if (read.error === "tooLarge") throw new UploadError("tooLarge");
  if (read.error === "incomplete") throw new UploadError("unreadable");
  return new Uint8Array();
}

/** Checks the file by its content, reads it once, keeps it in the database and answers with its preview. */
export async function acceptUpload({ ownerId, name, bytes }: { ownerId: string; name: string; bytes: Uint8Array }): Promise<UploadPreview> {
  const detected = detectFormat(bytes);
  if (!detected.ok) throw new UploadError(detected.reason);
  if (detected.format === "csv" && longestLine(bytes) > MAX_LINE_BYTES) throw new UploadError("lineTooLong");
  // Read as a stream: the first rows are kept for the preview and the guesses, the rest only counted.
  const { info, batches } = tableRows(detected.format, bytes);
  const first: string[][] = [];
  let count = 0;
  try {
    for await (const rows of batches) {
      if (first.length < FIRST_ROWS) first.push(...rows.slice(0, FIRST_ROWS - first.length));
      count += rows.length;
    }
  } catch (error) {
    if (error instanceof TableError) throw new UploadError(error.reason);
    throw error;
  }
  if (count === 0) throw new UploadError("noRows");
  const header = hasHeaderRow(first);
  const headers = headersOf(first, header);
  const signature = headerSignature(headers);
  const remembered = mappingSchema.safeParse(header ? await findImportMapping({ signature }) : undefined);
  const mapping = remembered.success ? remembered.data : guessMapping(headers, first.slice(header ? 1 : 0, 30));
  const settings = { encoding: info.encoding, delimiter: info.delimiter, header, signature };
  const file = await insertImportFile({
    ownerId,
    name,
    format: detected.format,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    data: bytes,
    settings,
  });
  return {
    fileId: file.id,
    name,
    format: detected.format,
    encoding: info.encoding,
    delimiter: info.delimiter,
    header,
    headers,
    preview: first.slice(header ? 1 : 0, (header ? 1 : 0) + PREVIEW_ROWS),
    rows: count - (header ? 1 : 0),
    mapping,
    remembered: remembered.success,
  };
}

/** A file name as the user gave it, without paths or control characters. */
export function cleanFileName(raw: string | null): string {
  let name = "";
  try {
    name = decodeURIComponent(raw ?? "");
  } catch {
    name = "";
  }
  return (
    name
      .split(/[\\/]/)
      .pop()
      ?.split("")
      .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
      .join("")
      .slice(0, 200) || "upload"
  );
}
