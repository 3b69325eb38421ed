import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Db, RawSql } from "@/lib/db/client";

const MIGRATIONS_LOCK = 7_240_001;

/** Applies drizzle/ migrations; idempotent, and serialised across app instances by an advisory lock. */
export async function runMigrations(handle: { db: Db; raw: RawSql }): Promise<void> {
  const migrationsFolder = path.resolve(process.cwd(), "drizzle");
  if (handle.raw.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  await handle.raw.withAdvisoryLock(MIGRATIONS_LOCK, () => migratePg(handle.db, { migrationsFolder }));
}
