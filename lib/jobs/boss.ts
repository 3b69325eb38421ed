import PgBoss from "pg-boss";
import type { RawSql } from "@/lib/db/client";

/**
 * pg-boss over either driver through its `db` option: one code path for PostgreSQL and PGlite.
 * On PGlite, parameterless SQL (its schema scripts) goes through exec(), see RawSql.
 */
export function createBoss(raw: RawSql): PgBoss {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => raw.query(text, values) },
    schema: "pgboss",
    // PGlite is one connection: keep the supervision light there.
    ...(raw.kind === "pglite" ? { monitorStateIntervalSeconds: 60, maintenanceIntervalSeconds: 300 } : {}),
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => console.error("[jobs] pg-boss error:", error.message));
  return boss;
}
