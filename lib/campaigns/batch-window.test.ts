import { describe, expect, it } from "vitest";
import { batchCallingWindow, closedUntil } from "@/lib/campaigns/batch-window";

describe("a Calldron batch's calling window", () => {
  it("takes the batch's Rails zone as its IANA zone", () => {
    expect(batchCallingWindow({ timeFrom: "10:00:00", timeTo: "19:00:00", timeZone: "Ekaterinburg" })).toEqual({ from: "10:00", to: "19:00", timeZone: "Asia/Yekaterinburg" });
    expect(batchCallingWindow({ timeFrom: "09:00", timeTo: "20:00", timeZone: "Moscow" })?.timeZone).toBe("Europe/Moscow");
    expect(batchCallingWindow({ timeFrom: "09:00", timeTo: "20:00", timeZone: "Atlantis" })?.timeZone).toBe("");
    expect(batchCallingWindow({ timeFrom: null, timeTo: "20:00", timeZone: "Moscow" })).toBeNull();
  });

  it("is closed before its opening in its own zone, and says when it opens", () => {
    const window = batchCallingWindow({ timeFrom: "10:00", timeTo: "19:00", timeZone: "Ekaterinburg" });
    if (!window) throw new Error("no window");
    // 02:58 in Moscow is 04:58 in Yekaterinburg: closed until 10:00 there (05:00 UTC).
    expect(closedUntil(window, new Date("2026-11-27T23:58:00Z"))?.toISOString()).toBe("2026-11-28T05:00:00.000Z");
    expect(closedUntil(window, new Date("2026-11-28T06:00:00Z"))).toBeNull(); // 11:00 there
    expect(closedUntil({ ...window, timeZone: "" }, new Date("2026-11-27T23:58:00Z"))).toBeNull();
  });
});
