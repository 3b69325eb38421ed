import { describe, expect, it } from "vitest";
import { zoneDateTime } from "@/lib/calls/zone-time";

/** What Intl says the wall-clock time is, seconds truncated: the reference the cached formatter must match. */
function reference(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

describe("zoneDateTime", () => {
  it("matches Intl in zones with and without summer time, around the changes, in any order of instants", () => {
    const zones = ["Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC", "Asia/Kamchatka"];
    const instants = [
      Date.parse("2026-03-29T00:59:59.999Z"),
      Date.parse("2026-03-29T01:00:00Z"),
      Date.parse("2026-10-25T00:59:59.500Z"),
      Date.parse("2026-10-25T01:00:00Z"),
      Date.parse("2026-03-08T06:59:59Z"),
      Date.parse("2026-03-08T07:00:00Z"),
      Date.parse("2026-12-31T23:59:59.999Z"),
      Date.parse("2000-01-01T00:00:00Z"),
    ];
    // A reproducible spread over ten years.
    let seed = 7;
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 48_271) % 2_147_483_647;
      instants.push(Date.parse("2020-01-01T00:00:00Z") + (seed % 315_360_000) * 1000 + (seed % 1000));
    }
    for (const zone of zones) {
      for (const ms of instants) expect(zoneDateTime(ms, zone), `${new Date(ms).toISOString()} in ${zone}`).toBe(reference(ms, zone));
      expect(zoneDateTime(new Date(instants[0] as number), zone)).toBe(reference(instants[0] as number, zone));
    }
  });
});
