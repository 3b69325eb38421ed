import PgBoss from "pg-boss";
import type { RawSql } from "@/lib/db/client";

/**
 * pg-boss over either driver through its `db` option: one code path for PostgreSQL and PGlite.
 * On PGlite, parameterless SQL (its schema scripts) goes through exec(), see RawSql.
 */
export function createBoss(raw: RawSql, { sendOnly = false }: { sendOnly?: boolean } = {}): PgBoss {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => raw.query(text, values) },
    schema: "pgboss",
    // A process that only sends leaves maintenance and the cron to the worker processes.
    ...(sendOnly ? { supervise: false, schedule: false } : {}),
    // PGlite is one connection: keep the supervision light there.
    ...(raw.kind === "pglite" ? { monitorStateIntervalSeconds: 60, maintenanceIntervalSeconds: 300 } : {}),
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => console.error("[jobs] pg-boss error:", error.message));
  return boss;
}
