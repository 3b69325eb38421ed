import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data directory that each integration test file copies (lib/testing/test-db.ts). */
    pgliteTemplate: string;
  }
}

/**
 * Vitest's global set-up: one PGlite cluster created and migrated for the whole run. Creating a cluster is the
 * slow part of an integration test file's set-up (seconds of WASM initdb, then the migrations); copying a closed
 * one is a fraction of it. Not made for a PostgreSQL run (TEST_DATABASE_URL), where files share the server.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return () => {};
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-template-"));
  const dir = path.join(root, "pglite");
  const client = new PGlite(dir);
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: path.resolve(process.cwd(), "drizzle") });
  await client.close();
  project.provide("pgliteTemplate", dir);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
