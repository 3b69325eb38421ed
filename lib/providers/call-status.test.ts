import { describe, expect, it } from "vitest";
import { CALLDOG_STATUS_MAP, mapCalldogStatus, mapCalldronStatus, storedState, supersedes } from "@/lib/providers/call-status";
import { CALLDOG_CALL_STATUSES, CALLDOG_FINAL_STATUSES } from "@/lib/providers/calldog/wire";
import { CALLDRON_CALL_STATUSES } from "@/lib/providers/calldron/wire";

describe("common call statuses", () => {
  it("maps every Calldog status, final exactly where the wire says so, and unknown ones to nothing", () => {
    for (const raw of CALLDOG_CALL_STATUSES) {
      expect(mapCalldogStatus(raw, null)?.final, raw).toBe(CALLDOG_FINAL_STATUSES.includes(raw));
    }
    expect(mapCalldogStatus("canceled", "no_answer")?.status).toBe("no_answer");
    expect(mapCalldogStatus("canceled", "blacklisted")?.status).toBe("canceled");
    expect(mapCalldogStatus("finished", null)?.status).toBe("answered");
    expect(mapCalldogStatus("unknown", null)).toBeUndefined();
  });

  it("maps every Calldron status; busy / no answer / failed are final only on the last attempt", () => {
    for (const raw of CALLDRON_CALL_STATUSES) expect(mapCalldronStatus(raw, true), raw).toBeDefined();
    expect(mapCalldronStatus("busy", true)).toEqual({ status: "busy", progress: 3, final: true });
    expect(mapCalldronStatus("busy", false)).toEqual({ status: "busy", progress: 0, final: false });
    expect(mapCalldronStatus("talking", false)?.status).toBe("in_progress");
  });

  it("an update never leaves a final state and never goes back among the live ones", () => {
    const at = (raw: keyof typeof CALLDOG_STATUS_MAP) => CALLDOG_STATUS_MAP[raw];
    expect(supersedes(undefined, at("processed"))).toBe(true);
    expect(supersedes(at("started"), at("processed"))).toBe(true);
    expect(supersedes(at("answered"), at("processed"))).toBe(false);
    expect(supersedes(at("processed"), at("processed"))).toBe(true);
    expect(supersedes(at("started"), at("busy"))).toBe(true);
    expect(supersedes(at("finished"), at("answered"))).toBe(false);
    expect(supersedes(at("finished"), at("canceled"))).toBe(false);
    // A Calldron call dialled again after a busy attempt moves on.
    expect(supersedes(storedState("calldron", "busy", false), mapCalldronStatus("dialing", false) as never)).toBe(true);
    expect(supersedes(storedState("calldron", "busy", true), mapCalldronStatus("dialing", false) as never)).toBe(false);
  });
});
