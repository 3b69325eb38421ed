import { apiKeyContext } from "@/lib/crypto/connection-key";
import { open, seal, sealedKeyId, type Keyring } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { eq } from "drizzle-orm";

/**
 * Re-encrypts every connection key under the keyring's current key. Rows already under it are left
 * alone, so a rotation interrupted half-way is finished by running it again.
 */
export async function reencryptAll(database: Db, keyring: Keyring): Promise<{ rotated: number; unchanged: number }> {
  const rows = await database.select({ id: connections.id, apiKeySealed: connections.apiKeySealed }).from(connections);
  let rotated = 0;
  for (const row of rows) {
    if (sealedKeyId(row.apiKeySealed) === keyring.current.id) continue;
    const context = apiKeyContext(row.id);
    const resealed = seal(open(row.apiKeySealed, keyring, context), keyring, context);
    await database.update(connections).set({ apiKeySealed: resealed }).where(eq(connections.id, row.id));
    rotated++;
  }
  return { rotated, unchanged: rows.length - rotated };
}
