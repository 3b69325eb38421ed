const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms. One formatter per zone: making one costs far more than using it. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    if (formatters.size > 1000) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const QUARTER_HOUR = 900_000;
/** Per zone: quarter hour → offset. */
const offsets = new Map<string, Map<number, number>>();

const DAY = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
/** The last day's `yyyy-mm-dd ` (calls come in time order, so the next one is most often the same day). */
let lastDay = Number.NaN;
let lastDayText = "";

/**
 * `yyyy-mm-dd hh:mm:ss` in an IANA zone. Offsets change only on quarter hours, so one is looked up per zone and
 * quarter hour and kept: an export formats three times a row, and Intl's formatter is the slow part. The date
 * part is made once per day, the time of day by arithmetic (no Date per call).
 */
export function zoneDateTime(date: Date | number, timeZone: string): string {
  const ms = typeof date === "number" ? date : date.getTime();
  let zone = offsets.get(timeZone);
  if (!zone) {
    if (offsets.size > 1000) offsets.clear();
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size > 100_000) zone.clear();
    offset = zoneOffsetMs(ms, timeZone);
    zone.set(quarter, offset);
  }
  const local = ms + offset;
  const day = Math.floor(local / DAY);
  if (day !== lastDay) {
    lastDay = day;
    lastDayText = new Date(day * DAY).toISOString().slice(0, 11).replace("T", " ");
  }
  const seconds = Math.floor((local - day * DAY) / 1000);
  return `${lastDayText}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}
