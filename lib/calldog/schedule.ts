import { isTimeZone } from "@/lib/i18n/time-zones";

/**
 * A wall-clock time picked in a time zone to the instant it names (Calldog's `plannedAt` is unix seconds).
 * Undefined for an unknown zone, a malformed time, or a local time that does not exist there (a DST gap).
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !isTimeZone(timeZone)) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at the guess, then at the corrected instant (they differ only around a DST change).
  let instant = asUtc - offsetMs(asUtc, timeZone);
  instant = asUtc - offsetMs(instant, timeZone);
  const back = wallClock(instant, timeZone);
  return back === local ? new Date(instant) : undefined;
}

/** The instant as `YYYY-MM-DDTHH:MM` on the zone's wall clock. */
export function wallClock(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function offsetMs(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const [date, time] = wall.split("T") as [string, string];
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant / 60_000) * 60_000;
}
