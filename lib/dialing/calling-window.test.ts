import { describe, expect, it } from "vitest";
import { isOpenAt, isValidWindow, nextOpening, nextOpeningInAll, windowWithin } from "@/lib/dialing/calling-window";

const moscow = { from: "09:00", to: "20:00", timeZone: "Europe/Moscow" };

describe("calling window", () => {
  it("is open from `from` up to, not including, `to`, in the window's own zone", () => {
    expect(isOpenAt(moscow, new Date("2026-11-27T06:00:00Z"))).toBe(true); // 09:00 MSK
    expect(isOpenAt(moscow, new Date("2026-11-27T05:59:00Z"))).toBe(false); // 08:59
    expect(isOpenAt(moscow, new Date("2026-11-27T16:59:00Z"))).toBe(true); // 19:59
    expect(isOpenAt(moscow, new Date("2026-11-27T17:00:00Z"))).toBe(false); // 20:00
    expect(isOpenAt({ ...moscow, timeZone: "Asia/Vladivostok" }, new Date("2026-11-27T06:00:00Z"))).toBe(true); // 16:00 there
    expect(isOpenAt({ ...moscow, timeZone: "Asia/Vladivostok" }, new Date("2026-11-27T12:00:00Z"))).toBe(false); // 22:00 there
  });

  it("moves a start outside the window to the next opening: later today, or tomorrow", () => {
    expect(nextOpening(moscow, new Date("2026-11-27T03:30:00Z")).toISOString()).toBe("2026-11-27T06:00:00.000Z");
    expect(nextOpening(moscow, new Date("2026-11-27T18:00:00Z")).toISOString()).toBe("2026-11-28T06:00:00.000Z");
    expect(nextOpening(moscow, new Date("2026-12-31T20:30:00Z")).toISOString()).toBe("2027-01-01T06:00:00.000Z");
    const inside = new Date("2026-11-27T10:00:00Z");
    expect(nextOpening(moscow, inside)).toBe(inside);
  });

  it("handles overnight windows and a daylight-saving zone", () => {
    const night = { from: "22:00", to: "06:00", timeZone: "Europe/Moscow" };
    expect(isOpenAt(night, new Date("2026-11-27T20:00:00Z"))).toBe(true); // 23:00
    expect(isOpenAt(night, new Date("2026-11-27T02:00:00Z"))).toBe(true); // 05:00
    expect(isOpenAt(night, new Date("2026-11-27T10:00:00Z"))).toBe(false); // 13:00
    expect(nextOpening(night, new Date("2026-11-27T10:00:00Z")).toISOString()).toBe("2026-11-27T19:00:00.000Z");
    // Berlin moves its clocks on 29 March 2026: 09:00 local is 08:00Z before, 07:00Z after.
    const berlin = { ...moscow, timeZone: "Europe/Berlin" };
    expect(nextOpening(berlin, new Date("2026-03-28T21:00:00Z")).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(nextOpening(berlin, new Date("2026-03-27T21:00:00Z")).toISOString()).toBe("2026-03-28T08:00:00.000Z");
  });

  it("refuses malformed or empty windows, and tells whether a window lies within another", () => {
    expect(isValidWindow({ from: "9:00", to: "20:00" })).toBe(false);
    expect(isValidWindow({ from: "24:00", to: "20:00" })).toBe(false);
    expect(isValidWindow({ from: "10:00", to: "10:00" })).toBe(false);
    expect(isValidWindow({ from: "22:00", to: "06:00" })).toBe(true);
    expect(windowWithin({ from: "10:00", to: "18:00" }, { from: "09:00", to: "20:00" })).toBe(true);
    expect(windowWithin({ from: "08:00", to: "18:00" }, { from: "09:00", to: "20:00" })).toBe(false);
    expect(windowWithin({ from: "23:00", to: "01:00" }, { from: "22:00", to: "06:00" })).toBe(true);
    expect(windowWithin({ from: "01:00", to: "05:00" }, { from: "22:00", to: "06:00" })).toBe(true);
    expect(windowWithin({ from: "21:00", to: "05:00" }, { from: "22:00", to: "06:00" })).toBe(false);
  });

  it("finds the first instant at which a campaign's window and the organisation's are both open, or none when they never are", () => {
    const campaign = { from: "10:00", to: "12:00", timeZone: "Asia/Yekaterinburg" };
    const organisation = { ...moscow, timeZone: "Asia/Yekaterinburg" };
    // 08:00 there (UTC+5): the campaign's window opens at 10:00.
    expect(nextOpeningInAll([campaign, organisation], new Date("2026-11-27T03:00:00Z"))?.toISOString()).toBe("2026-11-27T05:00:00.000Z");
    // 13:00 there: past the campaign's window, so tomorrow at 10:00, though the organisation's is open.
    expect(nextOpeningInAll([campaign, organisation], new Date("2026-11-27T08:00:00Z"))?.toISOString()).toBe("2026-11-28T05:00:00.000Z");
    const inside = new Date("2026-11-27T05:30:00Z");
    expect(nextOpeningInAll([campaign, organisation], inside)).toBe(inside);
    // Overlapping only in part (the organisation's narrowed to 11:00–18:00): from 11:00.
    expect(nextOpeningInAll([campaign, { ...organisation, from: "11:00", to: "18:00" }], new Date("2026-11-27T03:00:00Z"))?.toISOString()).toBe("2026-11-27T06:00:00.000Z");
    // Never open together.
    expect(nextOpeningInAll([campaign, { ...organisation, from: "13:00", to: "18:00" }], new Date("2026-11-27T03:00:00Z"))).toBeUndefined();
  });
});
