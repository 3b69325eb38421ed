import type { ContactRow } from "@/lib/obzvonilka/contact-rows";

/** A row with its search text built once, so that each keystroke only scans strings. */
export type SearchableRow = ContactRow & { text: string; digits: string };

export function searchable(rows: ContactRow[]): SearchableRow[] {
  return rows.map((r) => ({
    ...r,
    text: `${r.name}\n${r.email}\n${r.code}\n${r.phones.join("\n")}`.toLowerCase(),
    digits: r.phones.map(phoneDigits).join(" "),
  }));
}

/** Matches name, e-mail, external code or a phone; a phone in any spelling (`8 916…`, `+7 (916)…`) by its digits. */
export function filterRows(rows: SearchableRow[], query: string): SearchableRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  const digits = /^[\d\s()+-]+$/.test(q) ? phoneDigits(q) : "";
  return rows.filter((r) => r.text.includes(q) || (digits.length >= 3 && r.digits.includes(digits)));
}

/** Digits of a phone, a Russian trunk `8` read as `7`, so both spellings of a number meet. */
function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, "");
  return digits.length >= 2 && digits.startsWith("8") && !text.trim().startsWith("+") ? `7${digits.slice(1)}` : digits;
}
