import ExcelJS from "exceljs";
import Papa from "papaparse";
import { decodeText, type TextEncoding } from "@/lib/imports/detect";

export const MAX_ROWS = 500_000;

export type Table = {
  /** Every row as text cells, the header row included. */
  rows: string[][];
  encoding?: TextEncoding;
  delimiter?: string;
};

export class TableError extends Error {
  constructor(readonly reason: "tooManyRows" | "unreadable") {
    super(reason);
  }
}

const DELIMITERS = [";", ",", "\t", "|"];
/** What papaparse reads to guess the line break. */
const GUESS_CHARS = 1024 * 1024;
const PIECE_CHARS = 256 * 1024;
/** Rows handed on at a time while a file is read as a stream. */
export const BATCH_ROWS = 1000;

export type TableInfo = { encoding?: TextEncoding; delimiter?: string };

/**
 * A file's rows a batch at a time, in order, the header row included: a CSV is never held as rows at once
 * (papaparse paused every BATCH_ROWS rows); a workbook is (see xlsxBatches). `info` holds the encoding and the
 * delimiter once the first batch is read. Past `limit` rows it throws `TableError("tooManyRows")`.
 */
export function tableRows(format: "csv" | "xlsx", bytes: Uint8Array, limit = MAX_ROWS): { info: TableInfo; batches: AsyncGenerator<string[][]> } {
  const info: TableInfo = {};
  return { info, batches: format === "csv" ? csvBatches(bytes, limit, info) : xlsxBatches(bytes, limit) };
}

async function* csvBatches(bytes: Uint8Array, limit: number, info: TableInfo): AsyncGenerator<string[][]> {
  const { text, encoding } = decodeText(bytes);
  info.encoding = encoding;
  let batch: string[][] = [];
  let count = 0;
  let finished = false;
  let parser: Papa.Parser | undefined;
  // The delimiter and line break guessed once, as papaparse guesses them (its first rows, its first megabyte):
  // left to papaparse, every resume below would guess them again over the rest of the file.
  const { meta } = Papa.parse<string[]>(text.slice(0, GUESS_CHARS), { delimitersToGuess: DELIMITERS, skipEmptyLines: "greedy", preview: 10 });
  info.delimiter = meta.delimiter;
  // Synchronous papaparse, paused at each full batch and resumed when the batch has been used: a stream of rows
  // at the speed of a plain parse (papaparse's Node stream hands rows on one event at a time, ~50 times slower).
  Papa.parse<string[]>(text, {
    delimiter: meta.delimiter,
    newline: meta.linebreak as Papa.ParseConfig["newline"],
    skipEmptyLines: "greedy",
    // Parsed in pieces: papaparse splits what it is given into lines, and on each resume would split the rest.
    chunkSize: PIECE_CHARS,
    step: (result, p) => {
      parser = p;
      batch.push(result.data);
      if (batch.length >= BATCH_ROWS) p.pause();
    },
    complete: () => {
      finished = true;
    },
  });
  for (;;) {
    const rows = batch;
    batch = [];
    count += rows.length;
    if (count > limit + 1) throw new TableError("tooManyRows");
    if (rows.length > 0) yield rows;
    if (finished || !parser) return;
    parser.resume();
  }
}

/**
 * A workbook is read whole (exceljs's `load`) and handed on in batches. exceljs 4.4's streaming reader would keep
 * memory flat, but it cuts multi-byte UTF-8 characters at its chunk boundaries — every few thousand Cyrillic
 * cells come back with "�" (exceljs issues #2063, #2084, open) — so it is not used.
 */
async function* xlsxBatches(bytes: Uint8Array, limit: number): AsyncGenerator<string[][]> {
  const { rows } = await readXlsx(bytes, limit);
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

/** A CSV's rows: encoding detected, delimiter guessed by papaparse among the usual ones. */
export function readCsv(bytes: Uint8Array, limit = MAX_ROWS): Table {
  const { text, encoding } = decodeText(bytes);
  const rows: string[][] = [];
  let delimiter: string | undefined;
  let tooMany = false;
  Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      delimiter ??= result.meta.delimiter;
      if (rows.length > limit) {
        tooMany = true;
        parser.abort();
        return;
      }
      rows.push(result.data.map((c) => c ?? ""));
    },
  });
  if (tooMany) throw new TableError("tooManyRows");
  return { rows, encoding, delimiter };
}

/** The first worksheet's rows, each cell as the text Excel shows. */
export async function readXlsx(bytes: Uint8Array, limit = MAX_ROWS): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as never);
  } catch {
    throw new TableError("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [] };
  if (sheet.actualRowCount > limit + 1) throw new TableError("tooManyRows");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    if (cells.some((v) => v.trim())) rows.push(cells);
  });
  return { rows };
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    return String(cell.value ?? "");
  }
}
