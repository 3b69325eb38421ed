import { describe, expect, it } from "vitest";
import { wallClock, zonedTimeToUtc } from "@/lib/calldog/schedule";

describe("zonedTimeToUtc", () => {
  it("reads a wall-clock time in the chosen zone as the instant it names", () => {
    expect(zonedTimeToUtc("2026-12-01T10:00", "Europe/Moscow")?.toISOString()).toBe("2026-12-01T07:00:00.000Z");
    expect(zonedTimeToUtc("2026-12-01T10:00", "Asia/Vladivostok")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-01T10:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedTimeToUtc("2026-01-01T10:00", "Europe/Berlin")?.toISOString()).toBe("2026-01-01T09:00:00.000Z");
    expect(wallClock(Date.parse("2026-12-01T07:00:00Z"), "Europe/Moscow")).toBe("2026-12-01T10:00");
  });

  it("refuses an unknown zone, a malformed time and a time a DST change skips", () => {
    expect(zonedTimeToUtc("2026-12-01T10:00", "Mars/Olympus")).toBeUndefined();
    expect(zonedTimeToUtc("2026-12-01 10:00", "Europe/Moscow")).toBeUndefined();
    expect(zonedTimeToUtc("2026-02-30T10:00", "Europe/Moscow")).toBeUndefined();
    expect(zonedTimeToUtc("2026-03-29T02:30", "Europe/Berlin")).toBeUndefined();
  });
});
