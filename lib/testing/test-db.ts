import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";
import { resetSecretsCache } from "@/lib/secrets";

type Handle = Awaited<ReturnType<typeof getDb>>;

/**
 * An empty, migrated database for an integration test file, opened before its tests and closed after:
 * PGlite in a temporary directory, or the PostgreSQL named by TEST_DATABASE_URL (files then run one at
 * a time, see .ci/run). Read `.handle` inside tests.
 */
export function setupTestDb(): { readonly handle: Handle } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-test-"));
  let handle: Handle | undefined;
  beforeAll(async () => {
    process.env.DATA_DIR = dir;
    if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    else {
      delete process.env.DATABASE_URL;
      // The run's migrated template (lib/testing/pglite-template.ts), copied: no cluster made per file.
      const template = inject("pgliteTemplate");
      if (template) fs.cpSync(template, path.join(dir, "pglite"), { recursive: true });
    }
    resetEnvCache();
    resetSecretsCache();
    await closeDb();
    handle = await getDb();
    await runMigrations(handle);
    await handle.raw.query("truncate users, sign_in_attempts, audit_log, connections, dnc_entries, audio_files, tasks, campaigns, calls, webhook_events, calldog_records, ivr_templates, phone_verifications, contact_lists, import_files, import_mappings cascade", []);
  });
  afterAll(async () => {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get handle() {
      if (!handle) throw new Error("the test database is opened in beforeAll");
      return handle;
    },
  };
}
