import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requestPhoneVerification } from "@/lib/actions/calldog-verification";
import { listAudit } from "@/lib/db/queries/audit";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { listPhoneVerifications } from "@/lib/db/queries/phone-verifications";
import { type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { insertCalldogSimConnection, insertTestManager } from "@/lib/testing/calldog-fixtures";
import { setupTestDb } from "@/lib/testing/test-db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.1.2.3" }) }));

setupTestDb();
let kit: Kit;
let connectionId: string;

beforeAll(async () => {
  kit = await startKit();
  session.user = await insertTestManager("M");
  connectionId = await insertCalldogSimConnection(kit.baseUrl);
});
afterAll(async () => {
  await kit.server.close();
});
beforeEach(() => {
  kit.server.log.reset("calldog");
  kit.server.faults.reset("calldog");
});

const checksSent = () => kit.server.log.entries("calldog").filter((e) => e.path.includes("confirmPhone"));

describe("phone verification (FlashOnCall)", () => {
  it("normalises the number, returns the service's code, and keeps the check in the history and the audit log", async () => {
    const result = await requestPhoneVerification({ connectionId, phone: "8 (916) 555-12-34" });
    expect(result.ok).toBe(true);
    const data = result.ok ? result.data : undefined;
    expect(data).toMatchObject({ outcome: "sent", phone: "+79165551234" });
    expect(data?.outcome === "sent" && data.code).toMatch(/^\d{4}$/);
    expect(checksSent()).toHaveLength(1);
    const [row] = await listPhoneVerifications({ limit: 1 });
    expect(row).toMatchObject({ phone: "+79165551234", outcome: "sent", connectionName: "Calldog sim", requestedByEmail: "manager@x.test" });
    expect(row?.code).toBe(data?.outcome === "sent" ? data.code : "none");
    const [audit] = await listAudit({ limit: 1 });
    expect(audit).toMatchObject({ action: "calldog.phone_verification", target: "+79165551234", actorEmail: "manager@x.test", ip: "10.1.2.3" });
  });

  it("holds back a number on the do-not-call list: nothing reaches Calldog, the check is still recorded", async () => {
    await addDncEntries({ entries: [{ phone: "+79160000001" }] });
    const result = await requestPhoneVerification({ connectionId, phone: "+7 916 000-00-01" });
    expect(result).toMatchObject({ ok: true, data: { outcome: "held_back", phone: "+79160000001" } });
    expect(checksSent()).toHaveLength(0);
    const [row] = await listPhoneVerifications({ limit: 1 });
    expect(row).toMatchObject({ phone: "+79160000001", outcome: "held_back", code: null });
  });

  it("refuses a number that is not one before anything is sent", async () => {
    const result = await requestPhoneVerification({ connectionId, phone: "12345" });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { phone: "phoneInvalid" } });
    expect(checksSent()).toHaveLength(0);
  });

  it("after a 500 the outcome is unknown (the call may have been made) and the request is not repeated", async () => {
    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [500] });
    const result = await requestPhoneVerification({ connectionId, phone: "+79165551235" });
    expect(result).toMatchObject({ ok: true, data: { outcome: "unknown", failure: { reason: "server" } } });
    expect(checksSent()).toHaveLength(1);
  });

  it("a refusal by the service is a failure with the service's words", async () => {
    // A Belarusian number passes our check but not the service's (11 digits starting with 7 only).
    const result = await requestPhoneVerification({ connectionId, phone: "+375291234567" });
    expect(result).toMatchObject({ ok: true, data: { outcome: "failed", failure: { reason: "refused" } } });
    const data = result.ok ? result.data : undefined;
    expect(data?.outcome === "failed" && data.failure.providerMessage).toMatch(/phone/);
  });

  it("refuses a connection that is not a Calldog one", async () => {
    const result = await requestPhoneVerification({ connectionId: randomUUID(), phone: "+79165551234" });
    expect(result).toMatchObject({ ok: false, code: "failed", error: "calldogConnectionRequired" });
  });
});
