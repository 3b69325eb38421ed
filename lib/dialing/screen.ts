import "server-only";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { toE164 } from "@/lib/providers/phone";

/** Why a number is not dialed. The calling window will add its own reason here. */
export type HoldBackReason = "dnc";

export type Screened = {
  /** E.164 numbers that may be dialed, in the order given, each once. */
  allowed: string[];
  heldBack: { phone: string; reason: HoldBackReason }[];
};

/**
 * The one server-side check before anything is dialed or queued for dialing: adding subscribers, calling
 * one number, running a list, launching a campaign, importing into a dialable list. Every such path calls
 * this right before the provider, so a number added to the do-not-call list a second ago is held back too.
 * Takes E.164 numbers; duplicates are dropped (the first one counts).
 */
export async function screenForDialing({ phones }: { phones: string[] }): Promise<Screened> {
  const unique = [...new Set(phones)];
  const dnc = await findDncPhones({ phones: unique });
  const screened: Screened = { allowed: [], heldBack: [] };
  for (const phone of unique) {
    if (dnc.has(phone)) screened.heldBack.push({ phone, reason: "dnc" });
    else screened.allowed.push(phone);
  }
  return screened;
}

/** The same for one number. */
export async function mayDial({ phone }: { phone: string }): Promise<{ ok: true } | { ok: false; reason: HoldBackReason }> {
  const { heldBack } = await screenForDialing({ phones: [phone] });
  return heldBack[0] ? { ok: false, reason: heldBack[0].reason } : { ok: true };
}

export type ParsedPhones = {
  /** Valid, normalised (E.164), first occurrence of each, in order. */
  valid: string[];
  invalid: string[];
  /** Valid numbers seen again (as normalised). */
  duplicates: string[];
};

/**
 * Pasted text to numbers: one per line or separated by commas or semicolons, each normalised with
 * libphonenumber-js (region RU, `8…` read as `+7…`).
 */
export function parsePhoneList(text: string): ParsedPhones {
  const out: ParsedPhones = { valid: [], invalid: [], duplicates: [] };
  const seen = new Set<string>();
  for (const raw of text.split(/[\n\r,;]+/)) {
    const token = raw.trim();
    if (!token) continue;
    const phone = toE164(token);
    if (!phone) out.invalid.push(token);
    else if (seen.has(phone)) out.duplicates.push(phone);
    else {
      seen.add(phone);
      out.valid.push(phone);
    }
  }
  return out;
}
