import { beforeEach, describe, expect, it } from "vitest";
import { lockedUntil, recordSignInAttempt } from "@/lib/db/queries/sign-in-attempts";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();
beforeEach(async () => {
  await testDb.handle.raw.query("truncate sign_in_attempts", []);
});

const fail = (email: string, ip = "10.0.0.1") => recordSignInAttempt({ email, ip, success: false });

describe("sign-in throttling", () => {
  it("locks an e-mail after 5 failures for about 15 minutes", async () => {
    for (let i = 0; i < 4; i++) await fail("a@x.test");
    expect(await lockedUntil({ email: "a@x.test", ip: "10.0.0.9" })).toBeUndefined();
    await fail("a@x.test");
    const until = await lockedUntil({ email: "A@x.test", ip: "10.0.0.9" });
    expect(until).toBeInstanceOf(Date);
    const minutes = ((until as Date).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
    expect(await lockedUntil({ email: "other@x.test", ip: "10.0.0.9" })).toBeUndefined();
  });

  it("does not count failures older than the window", async () => {
    for (let i = 0; i < 5; i++) await fail("old@x.test");
    await testDb.handle.raw.query("update sign_in_attempts set at = now() - interval '31 minutes'", []);
    expect(await lockedUntil({ email: "old@x.test", ip: "10.0.0.1" })).toBeUndefined();
  });

  it("a success clears an e-mail's earlier failures", async () => {
    for (let i = 0; i < 4; i++) await fail("b@x.test");
    await recordSignInAttempt({ email: "b@x.test", ip: "10.0.0.1", success: true });
    await fail("b@x.test");
    expect(await lockedUntil({ email: "b@x.test", ip: "10.0.0.2" })).toBeUndefined();
  });

  it("locks an address after 20 failures across e-mails, and a success does not clear it", async () => {
    for (let i = 0; i < 19; i++) await fail(`u${i}@x.test`, "10.9.9.9");
    expect(await lockedUntil({ email: "new@x.test", ip: "10.9.9.9" })).toBeUndefined();
    await recordSignInAttempt({ email: "ok@x.test", ip: "10.9.9.9", success: true });
    await fail("u19@x.test", "10.9.9.9");
    expect(await lockedUntil({ email: "new@x.test", ip: "10.9.9.9" })).toBeInstanceOf(Date);
    expect(await lockedUntil({ email: "new@x.test", ip: "10.9.9.8" })).toBeUndefined();
  });
});
