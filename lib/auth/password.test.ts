import { describe, expect, it } from "vitest";
import { BCRYPT_COST, burnPasswordCheck, hashPassword, verifyPassword } from "@/lib/auth/password";

// Made by bcryptjs on the main thread, as before hashing moved to worker threads: users keep signing in.
const EXISTING = [
  { password: "existing user 1", hash: "$2b$12$48tinu1MVCxPBvzihuFxzuSzxczpoPEgSbguVRFzn/poNzm2.Nyv6" },
  { password: "existing user 2", hash: "$2a$10$bDkmBPg/K6jql8Dw9qiqvOWE5B1gyCzW0/G4Mceb58ocWyoaTrQ0C" },
];

describe("passwords, hashed in worker threads", () => {
  it("hashes at the project's cost and verifies the right password only", async () => {
    const hash = await hashPassword("a new password");
    expect(hash).toMatch(new RegExp(`^\\$2b\\$${BCRYPT_COST}\\$`));
    expect(await verifyPassword("a new password", hash)).toBe(true);
    expect(await verifyPassword("a new passworD", hash)).toBe(false);
  });

  it("verifies hashes made before (2b and 2a), several at once", async () => {
    const results = await Promise.all(EXISTING.flatMap(({ password, hash }) => [verifyPassword(password, hash), verifyPassword(`${password}!`, hash)]));
    expect(results).toEqual([true, false, true, false]);
    await expect(burnPasswordCheck("anything")).resolves.toBeUndefined();
  });

  it("leaves the main thread free during a compare", async () => {
    // On the main thread bcryptjs yields only between its 100 ms slices: a 1 ms interval ticks once a slice (4–10
    // times in a cost-12 compare here, whatever the load: a slower compare has more slices). In a worker thread it
    // ticks all along, hundreds of times.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const ok = await verifyPassword(EXISTING[0]?.password as string, EXISTING[0]?.hash as string);
    clearInterval(timer);
    expect(ok).toBe(true);
    expect(ticks).toBeGreaterThanOrEqual(50);
  });

  it("answers false for a malformed hash, as bcryptjs did, and the pool goes on working", async () => {
    expect(await verifyPassword("x", "not a bcrypt hash")).toBe(false);
    expect(await verifyPassword(EXISTING[1]?.password as string, EXISTING[1]?.hash as string)).toBe(true);
  });
});
