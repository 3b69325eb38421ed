"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/db/queries/audit";
import { addDncEntries, findDncPhones, removeDncEntry } from "@/lib/db/queries/dnc";
import { parsePhoneList } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import { formatPhone } from "@/lib/phone-format";
import { requestIp } from "@/lib/request-ip";

/** One paste at a time; larger sets are an import's job. */
const MAX_NUMBERS = 1000;

const addSchema = z.object({
  phones: z.string().trim().min(1, "dncNoValidNumbers").max(50_000, "dncTooMany"),
  reason: z.string().trim().min(1, "dncReasonRequired").max(200),
});

/** Numbers as people read them (`+7 999 777-88-55`); invalid ones as they were typed. */
export type DncAddSummary = {
  added: string[];
  alreadyListed: string[];
  invalid: string[];
  /** Numbers written more than once in the text (added once). */
  duplicates: string[];
};

/** Adds one or several pasted numbers (normalised to E.164) with one reason; admins and managers alike. */
export const addDncNumbers = action({ role: "any", schema: addSchema }, async ({ phones, reason }, user): Promise<DncAddSummary> => {
  const parsed = parsePhoneList(phones);
  if (parsed.valid.length === 0) {
    throw new SafeError("dncNoValidNumbers", {}, { phones: "dncNoValidNumbers" });
  }
  if (parsed.valid.length > MAX_NUMBERS) throw new SafeError("dncTooMany", {}, { phones: "dncTooMany" });
  const listed = await findDncPhones({ phones: parsed.valid });
  const fresh = parsed.valid.filter((p) => !listed.has(p));
  await addDncEntries({ entries: fresh.map((phone) => ({ phone, reason })), actor: user });
  if (fresh.length > 0) {
    await recordAudit({ actor: user, action: "dnc.added", target: describeNumbers(fresh), ip: await requestIp(), details: { count: fresh.length, reason } });
  }
  revalidatePath("/dnc");
  return {
    added: fresh.map(formatPhone),
    alreadyListed: parsed.valid.filter((p) => listed.has(p)).map(formatPhone),
    invalid: parsed.invalid,
    duplicates: [...new Set(parsed.duplicates)].map(formatPhone),
  };
});

/** Admin-only: a number taken off the list may be dialed again, so the removal is audited. */
export const removeDncNumber = action({ role: "admin", schema: z.object({ id: z.uuid() }) }, async ({ id }, admin) => {
  const removed = await removeDncEntry({ id });
  if (!removed) throw new SafeError("dncEntryGone");
  await recordAudit({
    actor: admin,
    action: "dnc.removed",
    target: removed.phone,
    ip: await requestIp(),
    details: { count: 1, reason: removed.reason, addedBy: removed.addedByEmail, addedAt: removed.createdAt.toISOString() },
  });
  revalidatePath("/dnc");
  return { phone: formatPhone(removed.phone) };
});

/** The audit log's subject: the number, or the first one and how many more (the count is in the details). */
function describeNumbers(phones: string[]): string {
  return phones.length > 1 ? `${phones[0]} (+${phones.length - 1})` : (phones[0] ?? "");
}
