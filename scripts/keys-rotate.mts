// npm run keys:rotate — re-encrypts every stored API key under the current APP_ENCRYPTION_KEY.
//
// Production: set the new key as APP_ENCRYPTION_KEY and the old one(s) in APP_ENCRYPTION_OLD_KEYS
// (comma-separated), run this, then drop the old keys.
// Development/demo (key kept in .data/secrets.json): `npm run keys:rotate -- --generate` makes a new key,
// keeps the old one for decryption, and re-encrypts.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { appKeyring } from "@/lib/crypto/keyring";
import { reencryptAll } from "@/lib/crypto/rotate";
import { closeDb, getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { readSecretsFile, resetSecretsCache, secrets, writeSecretsFile } from "@/lib/secrets";

const { values } = parseArgs({ options: { generate: { type: "boolean", default: false } } });

if (values.generate) {
  if (env().APP_ENCRYPTION_KEY) {
    console.error("APP_ENCRYPTION_KEY comes from the environment: put the new key there and the old one in APP_ENCRYPTION_OLD_KEYS.");
    process.exit(2);
  }
  secrets();
  const file = readSecretsFile();
  const old = file.APP_ENCRYPTION_KEY ? [file.APP_ENCRYPTION_KEY, ...(file.APP_ENCRYPTION_OLD_KEYS ?? [])] : file.APP_ENCRYPTION_OLD_KEYS ?? [];
  writeSecretsFile({ ...file, APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"), APP_ENCRYPTION_OLD_KEYS: old });
  resetSecretsCache();
}

const handle = await getDb();
await runMigrations(handle);
const keyring = appKeyring();
const { rotated, unchanged } = await reencryptAll(handle.db, keyring);
console.info(`Re-encrypted ${rotated} key(s) under key ${keyring.current.id}; ${unchanged} already were.`);
await closeDb();
