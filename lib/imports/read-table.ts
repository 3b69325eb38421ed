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

export async function readTable(format: "csv" | "xlsx", bytes: Uint8Array, limit = MAX_ROWS): Promise<Table> {
  return format === "csv" ? readCsv(bytes, limit) : readXlsx(bytes, limit);
}
