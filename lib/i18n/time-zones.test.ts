import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneOptions } from "@/lib/i18n/time-zones";

describe("time zones", () => {
  it("knows IANA zones and UTC, and nothing else", () => {
    expect(isTimeZone(DEFAULT_TIME_ZONE)).toBe(true);
    expect(isTimeZone("Asia/Vladivostok")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Moscow")).toBe(false);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });

  it("offers Russia's zones first, then every other zone by offset, each with its offset and name in the language", () => {
    const options = timeZoneOptions("en", new Date(Date.UTC(2026, 0, 15)));
    expect(options[0]).toMatchObject({ value: "Europe/Kaliningrad", group: "russia" });
    // The zone's name comes from ICU, whose wording varies between Node builds.
    expect(options[0]?.label).toMatch(/^\(UTC\+02:00\) Europe\/Kaliningrad — Eastern European/);
    expect(options.find((o) => o.value === "Europe/Moscow")?.label).toMatch(/^\(UTC\+03:00\) Europe\/Moscow — Moscow/);
    const world = options.filter((o) => o.group === "world");
    expect(world[0]?.label).toMatch(/^\(UTC-1[12]:00\)/);
    expect(world.at(-1)?.label).toMatch(/^\(UTC\+14:00\)/);
    expect(world.find((o) => o.value === "UTC")?.label).toMatch(/^\(UTC\+00:00\) UTC/);
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    expect(timeZoneOptions("ru").find((o) => o.value === "Asia/Vladivostok")?.label).toContain("Владивосток");
  });

  it("makes the list once per language and hour, and again when the hour (and so perhaps an offset) changes", () => {
    const winter = new Date(Date.UTC(2026, 0, 15, 10, 5));
    const first = timeZoneOptions("en", winter);
    expect(timeZoneOptions("en", new Date(Date.UTC(2026, 0, 15, 10, 55)))).toBe(first);
    const summer = timeZoneOptions("en", new Date(Date.UTC(2026, 6, 15, 10, 5)));
    expect(summer).not.toBe(first);
    const berlin = (options: typeof first) => options.find((o) => o.value === "Europe/Berlin")?.label;
    expect([berlin(first), berlin(summer)]).toEqual([expect.stringMatching(/^\(UTC\+01:00\)/), expect.stringMatching(/^\(UTC\+02:00\)/)]);
  });
});
