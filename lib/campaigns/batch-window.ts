import { type CallingWindow, isOpenAt, nextOpening } from "@/lib/dialing/calling-window";
import { findCalldronTimeZone } from "@/lib/providers/calldron/time-zones";

/**
 * A Calldron batch's own calling window in the terms the dialing code uses: Calldron names zones the Rails way
 * (`Ekaterinburg`), the window arithmetic takes IANA zones (`Asia/Yekaterinburg`). Null when the batch has no
 * window; `timeZone` is empty when its zone is not one Calldron offers.
 */
export function batchCallingWindow(batch: { timeFrom: string | null; timeTo: string | null; timeZone: string | null }): CallingWindow | null {
  if (!batch.timeFrom || !batch.timeTo) return null;
  const zone = batch.timeZone ? findCalldronTimeZone(batch.timeZone) : undefined;
  return { from: batch.timeFrom.slice(0, 5), to: batch.timeTo.slice(0, 5), timeZone: zone?.iana ?? "" };
}

/** When the window is closed at `now`, when it opens next; null when open, or its zone is unknown. */
export function closedUntil(window: CallingWindow, now: Date): Date | null {
  if (!window.timeZone) return null;
  return isOpenAt(window, now) ? null : nextOpening(window, now);
}
