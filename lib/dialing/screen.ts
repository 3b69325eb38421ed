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

/**
 * `screenForDialing` once for a whole batch of a task's numbers, right before the batch is sent, and each
 * number's answer taken once by `check` when it is sent. A number not in a screened batch, or asked a second
 * time (a retry after a wait), is screened again on its own, so a wait never sends on an old answer.
 */
export class BatchScreen {
  private readonly cleared = new Set<string>();
  private readonly held = new Map<string, HoldBackReason>();

  async screen(phones: string[]): Promise<void> {
    if (phones.length === 0) return;
    const { allowed, heldBack } = await screenForDialing({ phones });
    for (const phone of allowed) this.cleared.add(phone);
    for (const { phone, reason } of heldBack) this.held.set(phone, reason);
  }

  async check(phone: string): Promise<{ ok: true } | { ok: false; reason: HoldBackReason }> {
    const reason = this.held.get(phone);
    if (reason) {
      this.held.delete(phone);
      return { ok: false, reason };
    }
    if (this.cleared.delete(phone)) return { ok: true };
    return mayDial({ phone });
  }
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
