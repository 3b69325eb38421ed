import "server-only";
import { findDncPhones } from "@/lib/db/queries/dnc";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { type CallingWindow, isOpenAt, nextOpening, nextOpeningInAll } from "@/lib/dialing/calling-window";
import { toE164 } from "@/lib/providers/phone";

/** Why a number is not dialed: on the do-not-call list, or the calling window is closed at the time asked. */
export type HoldBackReason = "dnc" | "window";

/**
 * When the calls would start, in which zone, in which daily window (a campaign's own; the organisation's when none
 * is given), and what to do when the window is closed then: `move` to its next opening (a provider that takes a
 * planned time, Calldog's `plannedAt`), or `refuse` (a call that starts at once).
 */
export type DialingStart = { at: Date; timeZone: string; window?: { from: string; to: string }; outside: "move" | "refuse" };

/**
 * Where a start landed: `startAt` is `at` itself or, when `moved`, the next instant at which the campaign's window
 * and the organisation's are both open. `window` is the campaign's own (the organisation's for a start without one).
 * `never`: the two windows are never open together (the organisation's narrowed after the campaign chose its own);
 * nothing may be sent then, not even planned.
 */
export type WindowedStart = { window: CallingWindow; startAt: Date; moved: boolean; open: boolean; never: boolean };

export type Screened = {
  /** E.164 numbers that may be dialed, in the order given, each once. */
  allowed: string[];
  heldBack: { phone: string; reason: HoldBackReason }[];
  /** Given when the screen was asked about a start time. */
  start?: WindowedStart;
};

/**
 * Where a start at `at` lands in a campaign's calling window (`window`, its own daily window; the organisation's
 * when it has none) in `timeZone`, always within the organisation's window as it is now. A start already past (a
 * planned time reached while a launch waited for approval, a delayed task) dials now, so now is what is checked.
 */
export async function startInWindow({ at: asked, timeZone, window: own }: { at: Date; timeZone: string; window?: { from: string; to: string } }): Promise<WindowedStart> {
  const at = asked.getTime() < Date.now() ? new Date() : asked;
  const policy = await readDialingPolicy();
  const organisation = { from: policy.callingWindowFrom, to: policy.callingWindowTo, timeZone };
  const window = own ? { from: own.from, to: own.to, timeZone } : organisation;
  const windows = own ? [window, organisation] : [organisation];
  const open = windows.every((w) => isOpenAt(w, at));
  if (open) return { window, startAt: at, moved: false, open, never: false };
  const next = nextOpeningInAll(windows, at);
  return { window, startAt: next ?? nextOpening(window, at), moved: true, open, never: next === undefined };
}

/**
 * The one server-side check before anything is dialed or queued for dialing: adding subscribers, calling
 * one number, running a list, launching a campaign, importing into a dialable list. Every such path calls
 * this right before the provider, so a number added to the do-not-call list a second ago is held back too.
 * Takes E.164 numbers; duplicates are dropped (the first one counts).
 *
 * With `start`, the calling window is checked too (the campaign's own, within the organisation's): a start outside
 * it is moved to the next opening (`start.startAt` is what to send) or, for `refuse` or when the windows are never
 * open together, every number is held back with the reason `window`. Paths
 * without `start` dial through a provider that applies the window itself (a Calldron batch's `time_from`/`time_to`,
 * kept within the organisation's by lib/dialing/window-policy.ts).
 */
export async function screenForDialing({ phones, start }: { phones: string[]; start?: DialingStart }): Promise<Screened> {
  const unique = [...new Set(phones)];
  const windowed = start ? await startInWindow(start) : undefined;
  const screened: Screened = { allowed: [], heldBack: [], ...(windowed ? { start: windowed } : {}) };
  if (windowed && !windowed.open && (start?.outside === "refuse" || windowed.never)) {
    screened.heldBack = unique.map((phone) => ({ phone, reason: "window" }));
    return screened;
  }
  const dnc = await findDncPhones({ phones: unique });
  for (const phone of unique) {
    if (dnc.has(phone)) screened.heldBack.push({ phone, reason: "dnc" });
    else screened.allowed.push(phone);
  }
  return screened;
}

/** The same for one number. */
export async function mayDial({ phone, start }: { phone: string; start?: DialingStart }): Promise<{ ok: true; start?: WindowedStart } | { ok: false; reason: HoldBackReason; start?: WindowedStart }> {
  const screened = await screenForDialing({ phones: [phone], start });
  const held = screened.heldBack[0];
  return held ? { ok: false, reason: held.reason, start: screened.start } : { ok: true, start: screened.start };
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
