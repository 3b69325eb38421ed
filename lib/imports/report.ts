import type { TaskItem } from "@/lib/db/schema";

export type ReportRow = { row: number | null; phone: string; name: string; outcome: string; reason?: string; value?: string };

/** One item of an import as a line of its report: the file's row, the number, what happened and why. */
export function reportRow(item: TaskItem): ReportRow {
  const p = item.payload ?? {};
  const row = typeof p.row === "number" ? p.row : null;
  const outcome = item.outcome ?? `pending`;
  const [reason, ...rest] = (item.detail ?? "").split("|");
  const value = rest.join("|");
  const phone = typeof p.phone === "string" ? p.phone : typeof p.duplicate === "string" ? p.duplicate : typeof p.value === "string" ? p.value : "";
  const name = typeof p.name === "string" ? p.name : "";
  if (outcome === "duplicate") return { row, phone, name, outcome, reason: "duplicateOf", value: rest.join("|") || String(p.firstRow ?? "") };
  if (outcome === "invalid") return { row, phone, name, outcome, reason: reason || "invalidPhone", value: "" };
  if (outcome === "dnc") return { row, phone, name, outcome, reason: "dnc" };
  if (outcome === "failed") return { row, phone, name, outcome, reason: "provider", value: item.detail ?? "" };
  return { row, phone, name, outcome, reason: reason ? reason : undefined, value };
}
