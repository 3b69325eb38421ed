import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";
import { resetSecretsCache } from "@/lib/secrets";

/**
 * An empty, migrated database for an integration test file: PGlite in a temporary directory, or the
 * PostgreSQL named by TEST_DATABASE_URL (files then run one at a time, see scripts/test.sh).
 */
export async function useTestDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-test-"));
  process.env.DATA_DIR = dir;
  if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  else delete process.env.DATABASE_URL;
  resetEnvCache();
  resetSecretsCache();
  await closeDb();
  const handle = await getDb();
  await runMigrations(handle);
  await handle.raw.query("truncate users, sign_in_attempts, audit_log, connections cascade", []);
  return {
    handle,
    async close() {
      await closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
