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
  const headers = headersOf(rows, header);
  const used = new Set([...mapping.phone, mapping.name, mapping.externalCode, mapping.email]);
  const rest = headers.map((h, i) => [h, i] as const).filter(([, i]) => !used.has(i));
  const plan: Plan = { items: [], valid: 0, invalid: [], duplicates: [] };
  const seen = new Map<string, number>();
  for (let r = header ? 1 : 0; r < rows.length; r++) {
    const cells = rows[r] as string[];
    const line = r + 1;
    const raw = mapping.phone.map((i) => cells[i]?.trim() ?? "").filter(Boolean);
    const phones = [...new Set(raw.map((v) => toE164(v)).filter((p): p is string => p !== undefined))];
    if (phones.length === 0) {
      const reason: InvalidReason = raw.length === 0 ? "noPhone" : "invalidPhone";
      plan.invalid.push({ row: line, reason, value: raw.join(", ") });
      plan.items.push({ key: `invalid:${line}`, payload: { row: line, invalid: reason, value: raw.join(", ") } });
      continue;
    }
    const text = (i: number | undefined) => (i === undefined ? undefined : cells[i]?.trim() || undefined);
    const base = {
      row: line,
      name: text(mapping.name),
      email: text(mapping.email),
      externalCode: text(mapping.externalCode),
      fields: Object.fromEntries(rest.map(([h, i]) => [h, cells[i]?.trim() ?? ""]).filter(([, v]) => v)),
    };
    const units = perPhone ? phones.map((p) => [p]) : [phones];
    for (const unit of units) {
      const phone = unit[0] as string;
      const key = !perPhone && base.externalCode ? `code:${base.externalCode}` : phone;
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        plan.duplicates.push({ row: line, phone, firstRow });
        plan.items.push({ key: `duplicate:${line}:${phone}`, payload: { row: line, duplicate: phone, firstRow } });
        continue;
      }
      seen.set(key, line);
      plan.valid += 1;
      const item: ImportRow = { ...base, phone, phones: unit };
      plan.items.push({ key, payload: item });
    }
  }
  return plan;
}
