import "server-only";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { findImportFile } from "@/lib/db/queries/imports";
import type { NewTaskItem } from "@/lib/db/queries/tasks";
import type { ImportFile } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { ImportPlanner, type Mapping, type Plan } from "@/lib/imports/plan";
import { tableRows } from "@/lib/imports/read-table";
import { type ImportTarget, isPerPhone } from "@/lib/imports/target";

export type ImportCheck = {
  rows: number;
  valid: number;
  /** The first rows refused, and how many in all. */
  invalid: Plan["invalid"];
  invalidCount: number;
  duplicates: Plan["duplicates"];
  duplicateCount: number;
  /** Numbers on the do-not-call list: held back (not for the do-not-call target itself). */
  dnc: string[];
  dncCount: number;
};

const LISTED = 50;

/**
 * The kept file read again as a stream and planned with the chosen mapping: `items` gives the task items a
 * batch at a time (the rows are never all held), and `planner` has the counts once they are all given.
 */
export async function planFromFile({
  fileId,
  ownerId,
  mapping,
  target,
}: {
  fileId: string;
  ownerId: string;
  mapping: Mapping;
  target: ImportTarget;
}): Promise<{ file: ImportFile; planner: ImportPlanner; items: AsyncGenerator<NewTaskItem[]> }> {
  const file = await findImportFile({ id: fileId, ownerId });
  if (!file) throw new SafeError("importFileNotFound");
  const planner = new ImportPlanner({ header: file.settings.header === true, mapping, perPhone: isPerPhone(target), listed: LISTED });
  const { batches } = tableRows(file.format, file.data);
  async function* items() {
    for await (const rows of batches) yield planner.add(rows);
  }
  return { file, planner, items: items() };
}

/** What the import will do, before anything is sent: counts, the first rows refused with the reason. */
export async function checkFile(input: Parameters<typeof planFromFile>[0]): Promise<ImportCheck> {
  const { planner, items } = await planFromFile(input);
  const dnc = new Set<string>();
  for await (const batch of items) {
    if (input.target.kind === "dnc") continue;
    const phones = batch.map((i) => i.payload?.phone).filter((p): p is string => typeof p === "string");
    for (const phone of await findDncPhones({ phones })) dnc.add(phone);
  }
  return {
    rows: planner.valid + planner.invalidCount + planner.duplicateCount,
    valid: planner.valid - dnc.size,
    invalid: planner.invalid,
    invalidCount: planner.invalidCount,
    duplicates: planner.duplicates,
    duplicateCount: planner.duplicateCount,
    dnc: [...dnc].slice(0, LISTED),
    dncCount: dnc.size,
  };
}
