import "server-only";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { findImportFile } from "@/lib/db/queries/imports";
import type { ImportFile } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { type Mapping, type Plan, planImport } from "@/lib/imports/plan";
import { readTable } from "@/lib/imports/read-table";
import { type ImportTarget, isPerPhone } from "@/lib/imports/target";

export type ImportCheck = {
  rows: number;
  valid: number;
  invalid: Plan["invalid"];
  duplicates: Plan["duplicates"];
  /** Numbers on the do-not-call list: held back (not for the do-not-call target itself). */
  dnc: string[];
};

const LISTED = 50;

/** Reads the kept file again and plans the import with the chosen mapping. */
export async function planFromFile({ fileId, ownerId, mapping, target }: { fileId: string; ownerId: string; mapping: Mapping; target: ImportTarget }): Promise<{ file: ImportFile; plan: Plan }> {
  const file = await findImportFile({ id: fileId, ownerId });
  if (!file) throw new SafeError("importFileNotFound");
  const table = await readTable(file.format, file.data);
  const header = file.settings.header === true;
  return { file, plan: planImport({ rows: table.rows, header, mapping, perPhone: isPerPhone(target) }) };
}

/** What the import will do, before anything is sent: counts, the first rows refused with the reason. */
export async function summarisePlan(plan: Plan, target: ImportTarget): Promise<ImportCheck> {
  const phones = plan.items.map((i) => i.payload.phone).filter((p): p is string => typeof p === "string");
  const dnc = target.kind === "dnc" ? new Set<string>() : await findDncPhones({ phones });
  return {
    rows: plan.valid + plan.invalid.length + plan.duplicates.length,
    valid: plan.valid - dnc.size,
    invalid: plan.invalid.slice(0, LISTED),
    duplicates: plan.duplicates.slice(0, LISTED),
    dnc: [...dnc].slice(0, LISTED),
  };
}
