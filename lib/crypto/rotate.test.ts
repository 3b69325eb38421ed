import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiKeyContext } from "@/lib/crypto/connection-key";
import { reencryptAll } from "@/lib/crypto/rotate";
import { makeKeyring, open, seal, sealedKeyId } from "@/lib/crypto/secret-box";
import { connections } from "@/lib/db/schema";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();

describe("key rotation", () => {
  it("re-encrypts every stored key under the new key, and is a no-op the second time", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    const oldRing = makeKeyring(oldKey);
    const db = testDb.handle.db;
    const plain = new Map<string, string>();
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      const key = `provider-key-${i}-${randomUUID()}`;
      plain.set(id, key);
      await db.insert(connections).values({
        id,
        name: `c${i}`,
        provider: "calldron",
        baseUrl: "http://127.0.0.1/",
        apiKeySealed: seal(key, oldRing, apiKeyContext(id)),
        apiKeyLast4: key.slice(-4),
      });
    }
    const newRing = makeKeyring(newKey, [oldKey]);
    expect(await reencryptAll(db, newRing)).toEqual({ rotated: 3, unchanged: 0 });
    const rows = await db.select().from(connections);
    for (const row of rows) {
      expect(sealedKeyId(row.apiKeySealed)).toBe(newRing.current.id);
      // Readable with the new key alone: the old one can be dropped.
      expect(open(row.apiKeySealed, makeKeyring(newKey), apiKeyContext(row.id))).toBe(plain.get(row.id));
    }
    expect(await reencryptAll(db, newRing)).toEqual({ rotated: 0, unchanged: 3 });
  });
});
