import { describe, expect, it } from "vitest";
import { countUsers, insertFirstAdmin, updateUser, findUserById } from "@/lib/db/queries/users";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();

describe("first admin", () => {
  it("exactly one of several racing set-ups wins", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        insertFirstAdmin({ user: { email: `admin${i}@x.test`, name: "A", passwordHash: "h" } }),
      ),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await countUsers()).toBe(1);
    expect(attempts.find(Boolean)?.role).toBe("admin");
    expect(await insertFirstAdmin({ user: { email: "late@x.test", name: "L", passwordHash: "h" } })).toBeUndefined();
  });

  it("invalidating sessions bumps the session version", async () => {
    const [admin] = (await testDb.handle.raw.query<{ id: string }>("select id from users", [])).rows;
    const before = await findUserById({ id: admin?.id as string });
    await updateUser({ id: admin?.id as string, patch: { disabled: true }, invalidateSessions: true });
    const after = await findUserById({ id: admin?.id as string });
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    expect(after?.disabled).toBe(true);
  });
});
