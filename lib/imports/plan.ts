import { createHash } from "node:crypto";
import { z } from "zod";
import { toE164 } from "@/lib/providers/phone";

export const mappingSchema = z.object({
  /** Column indexes holding numbers; the first valid one is the row's main number. */
  phone: z.array(z.number().int().min(0).max(999)).min(1, "importNeedsPhone").max(10),
  name: z.number().int().min(0).max(999).optional(),
  externalCode: z.number().int().min(0).max(999).optional(),
  email: z.number().int().min(0).max(999).optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

export type InvalidReason = "noPhone" | "invalidPhone";

export type ImportRow = {
  /** 1-based line in the file, the header counted. */
  row: number;
  phone: string;
  phones: string[];
  name?: string;
  email?: string;
  externalCode?: string;
  /** The other columns by header. */
  fields: Record<string, string>;
};

export type PlannedItem = { key: string; payload: Record<string, unknown> };

export type Plan = {
  items: PlannedItem[];
  valid: number;
  invalid: { row: number; reason: InvalidReason; value: string }[];
  duplicates: { row: number; phone: string; firstRow: number }[];
};

/** A header row is one without a single phone number in it. */
export function hasHeaderRow(rows: string[][]): boolean {
  const first = rows[0];
  return Boolean(first?.some((c) => c.trim()) && !first.some((c) => /\d{6}/.test(c.replace(/\D/g, "")) && toE164(c)));
}

export function headersOf(rows: string[][], header: boolean): string[] {
  const width = rows.slice(0, 50).reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from({ length: width }, (_, i) => (header ? rows[0]?.[i]?.trim() : "") || `#${i + 1}`);
}

/** What identifies a file's shape, so that the next file with the same columns gets the same mapping. */
export function headerSignature(headers: string[]): string {
  return createHash("sha256")
    .update(headers.map((h) => h.trim().toLowerCase()).join("\u0001"))
    .digest("hex");
}

/** A first guess from the header names (Russian and English), used when no mapping is remembered. */
export function guessMapping(headers: string[], rows: string[][]): Mapping {
  const find = (re: RegExp) => headers.findIndex((h) => re.test(h.toLowerCase()));
  let phone = headers.map((h, i) => (/тел|phone|номер|mobile|моб/.test(h.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
  if (phone.length === 0) {
    const sample = rows.slice(0, 20);
    const best = headers.map((_, i) => sample.filter((r) => r[i] && toE164(r[i])).length);
    const top = best.indexOf(Math.max(...best, 0));
    phone = top >= 0 && (best[top] ?? 0) > 0 ? [top] : [0];
  }
  const optional = (i: number) => (i >= 0 && !phone.includes(i) ? i : undefined);
  return {
    phone,
    name: optional(find(/^(фио|имя|name|контакт|клиент|full ?name)/)),
    externalCode: optional(find(/код|code|external|id$/)),
    email: optional(find(/mail|почта/)),
  };
}

/**
 * Rows to task items, before anything is sent: numbers normalised, rows without a valid number and numbers
 * seen before listed with the reason. `perPhone` makes every number of a row its own item (lists of numbers);
 * otherwise a row is one item (a contact with all its numbers), keyed by its external code when it has one.
 */
export function planImport({ rows, header, mapping, perPhone }: { rows: string[][]; header: boolean; mapping: Mapping; perPhone: boolean }): Plan {
  const planner = new ImportPlanner({ header, mapping, perPhone });
  const items = planner.add(rows);
  return { items, valid: planner.valid, invalid: planner.invalid, duplicates: planner.duplicates };
}

/**
 * `planImport` a batch of rows at a time, for a file read as a stream: only the numbers seen so far (to find
 * repeats) and the first `listed` invalid and repeated rows are kept; the items of each batch are the caller's.
 */
export class ImportPlanner {
  valid = 0;
  invalidCount = 0;
  duplicateCount = 0;
  readonly invalid: Plan["invalid"] = [];
  readonly duplicates: Plan["duplicates"] = [];
  private readonly seen = new Map<string, number>();
  private readonly header: boolean;
  private readonly mapping: Mapping;
  private readonly perPhone: boolean;
  private readonly listed: number;
  private rest: (readonly [string, number])[] | undefined;
  private line = 0;

  constructor({ header, mapping, perPhone, listed = Number.POSITIVE_INFINITY }: { header: boolean; mapping: Mapping; perPhone: boolean; listed?: number }) {
    this.header = header;
    this.mapping = mapping;
    this.perPhone = perPhone;
    this.listed = listed;
  }

  /** The next rows of the file, in order (the first batch starts with the header row, when there is one). */
  add(rows: string[][]): PlannedItem[] {
    const items: PlannedItem[] = [];
    let r = 0;
    if (this.rest === undefined) {
      // Headers as headersOf reads them: from the first rows, which the first batch holds.
      const headers = headersOf(rows, this.header);
      const used = new Set([...this.mapping.phone, this.mapping.name, this.mapping.externalCode, this.mapping.email]);
      this.rest = headers.map((h, i) => [h, i] as const).filter(([, i]) => !used.has(i));
      if (this.header && rows.length > 0) {
        r = 1;
        this.line = 1;
      }
    }
    for (; r < rows.length; r++) this.addRow(rows[r] as string[], ++this.line, items);
    return items;
  }

  private addRow(cells: string[], line: number, items: PlannedItem[]) {
    const { mapping } = this;
    const raw: string[] = [];
    const phones: string[] = [];
    for (const i of mapping.phone) {
      const value = cells[i]?.trim();
      if (!value) continue;
      raw.push(value);
      const phone = toE164(value);
      if (phone !== undefined && !phones.includes(phone)) phones.push(phone);
    }
    if (phones.length === 0) {
      const reason: InvalidReason = raw.length === 0 ? "noPhone" : "invalidPhone";
      const value = raw.join(", ");
      this.invalidCount += 1;
      if (this.invalid.length < this.listed) this.invalid.push({ row: line, reason, value });
      items.push({ key: `invalid:${line}`, payload: { row: line, invalid: reason, value } });
      return;
    }
    const fields: Record<string, string> = {};
    for (const [h, i] of this.rest ?? []) {
      const value = cells[i]?.trim();
      if (value) fields[h] = value;
    }
    const base = { row: line, name: text(cells, mapping.name), email: text(cells, mapping.email), externalCode: text(cells, mapping.externalCode), fields };
    const units = this.perPhone ? phones.map((p) => [p]) : [phones];
    for (const unit of units) {
      const phone = unit[0] as string;
      const key = !this.perPhone && base.externalCode ? `code:${base.externalCode}` : phone;
      const firstRow = this.seen.get(key);
      if (firstRow !== undefined) {
        this.duplicateCount += 1;
        if (this.duplicates.length < this.listed) this.duplicates.push({ row: line, phone, firstRow });
        items.push({ key: `duplicate:${line}:${phone}`, payload: { row: line, duplicate: phone, firstRow } });
        continue;
      }
      this.seen.set(key, line);
      this.valid += 1;
      const item: ImportRow = { row: line, name: base.name, email: base.email, externalCode: base.externalCode, fields, phone, phones: unit };
      items.push({ key, payload: item });
    }
  }
}

function text(cells: string[], i: number | undefined): string | undefined {
  return i === undefined ? undefined : cells[i]?.trim() || undefined;
}
