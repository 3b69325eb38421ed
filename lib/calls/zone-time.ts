/** The zone's offset from UTC at an instant, in ms. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/**
 * `yyyy-mm-dd hh:mm:ss` in an IANA zone. Offsets change only on quarter hours, so one is looked up per zone and
 * quarter hour and kept: an export formats three times a row, and Intl's formatter is the slow part.
 */
export function zoneDateTime(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = zoneOffsetMs(ms, timeZone);
    offsets.set(key, offset);
  }
  return new Date(ms + offset).toISOString().slice(0, 19).replace("T", " ");
}
