/**
 * The daily calling window: numbers are dialed only between `from` and `to` (local wall-clock time, `HH:MM`)
 * in `timeZone` (IANA). `from` after `to` is an overnight window (22:00–06:00); `from` equal to `to` is no window.
 */
export type CallingWindow = { from: string; to: string; timeZone: string };

export const DEFAULT_CALLING_WINDOW = { from: "09:00", to: "20:00" } as const;

export const WINDOW_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

type LocalTime = { year: number; month: number; day: number; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    formatters.set(timeZone, format);
  }
  const part = (type: string) => Number(format.formatToParts(at).find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), minutes: part("hour") * 60 + part("minute") };
}

/** The instant at which the wall clock in `timeZone` shows the given local date and minute of the day. */
function instantOf(local: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
  let guess = wall;
  // Two passes settle the zone's offset, also across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const seen = localTime(new Date(guess), timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, 0, seen.minutes);
    guess += wall - seenWall;
  }
  return new Date(guess);
}

export function isValidWindow(window: Pick<CallingWindow, "from" | "to">): boolean {
  return WINDOW_TIME_PATTERN.test(window.from) && WINDOW_TIME_PATTERN.test(window.to) && window.from !== window.to;
}

/** Whether a call may start at `at`. */
export function isOpenAt(window: CallingWindow, at: Date): boolean {
  const now = localTime(at, window.timeZone).minutes;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** `at` itself when the window is open then, otherwise the window's next opening. */
export function nextOpening(window: CallingWindow, at: Date): Date {
  if (isOpenAt(window, at)) return at;
  const local = localTime(at, window.timeZone);
  const from = minutesOf(window.from);
  const today = instantOf({ ...local, minutes: from }, window.timeZone);
  if (today.getTime() > at.getTime()) return today;
  const tomorrow = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  return instantOf({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), minutes: from }, window.timeZone);
}

/** Whether `inner` lies within `outer` on every day (both in the same zone); used to keep a campaign inside the organisation's window. */
export function windowWithin(inner: Pick<CallingWindow, "from" | "to">, outer: Pick<CallingWindow, "from" | "to">): boolean {
  const span = (w: Pick<CallingWindow, "from" | "to">): [number, number] => {
    const from = minutesOf(w.from);
    const to = minutesOf(w.to);
    return [from, to > from ? to : to + 24 * 60];
  };
  const [innerFrom, innerTo] = span(inner);
  const [outerFrom, outerTo] = span(outer);
  return [0, 24 * 60, -24 * 60].some((shift) => innerFrom + shift >= outerFrom && innerTo + shift <= outerTo);
}

/**
 * The first instant from `at` on at which every window is open: a campaign's own window and the organisation's,
 * both in the campaign's zone. Undefined when they never are together (disjoint windows, as when the organisation's
 * was narrowed after a campaign chose its own). Daily windows repeat, so a few moves settle it or prove it never will.
 */
export function nextOpeningInAll(windows: CallingWindow[], at: Date): Date | undefined {
  let candidate = at;
  for (let i = 0; i < 8; i++) {
    const closed = windows.find((w) => !isOpenAt(w, candidate));
    if (!closed) return candidate;
    candidate = nextOpening(closed, candidate);
  }
  return undefined;
}
