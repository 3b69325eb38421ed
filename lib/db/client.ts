import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { env } from "@/lib/env";
import * as schema from "@/lib/db/schema";
import { acquirePgliteLock } from "@/lib/db/pglite-lock";

/** Both drivers expose the same query builder; the node-postgres type stands for both. */
export type Db = NodePgDatabase<typeof schema>;

/** Raw SQL for what Drizzle does not do (pg-boss, advisory locks): one interface for both drivers. */
export type RawSql = {
  kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs fn while holding a session-level advisory lock (a no-op on PGlite's single connection). */
  withAdvisoryLock<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
  /**
   * A query's rows read through a server-side cursor, `batch` at a time, as arrays in the select list's order:
   * one plan and one snapshot for the whole read, on a connection of its own (PostgreSQL only; PGlite's single
   * connection cannot hold a transaction open while the app goes on using it).
   */
  cursor?(text: string, values: unknown[], batch: number): AsyncGenerator<unknown[][]>;
  close(): Promise<void>;
};

type Handle = { db: Db; raw: RawSql };

const globalForDb = globalThis as unknown as { __prozvonDb?: Promise<Handle> };

/**
 * One database handle per process, shared by every Next.js bundle through globalThis:
 * PGlite must never be opened twice.
 */
export function getDb(): Promise<Handle> {
  globalForDb.__prozvonDb ??= open().catch((error) => {
    globalForDb.__prozvonDb = undefined;
    throw error;
  });
  return globalForDb.__prozvonDb;
}

export async function db(): Promise<Db> {
  return (await getDb()).db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__prozvonDb;
  globalForDb.__prozvonDb = undefined;
  if (handle) await (await handle).raw.close();
}

async function open(): Promise<Handle> {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(path.resolve(env().DATA_DIR, "pglite"));
}

export function openPostgres(url: string): Handle {
  // JIT compiles a plan whose estimate passes jit_above_cost: 20–25 ms spent on a query that runs in a few (the
  // overview's running campaigns, bench:load). The app's queries are short; none gains from it.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c jit=off" });
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  return {
    db: drizzlePg(pool, { schema }),
    raw: {
      kind: "postgres",
      query: async (text, values) => pool.query(text, values as unknown[]) as never,
      withAdvisoryLock: async (lockId, fn) => {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [lockId]);
          return await fn();
        } finally {
          await client.query("select pg_advisory_unlock($1)", [lockId]).catch(() => {});
          client.release();
        }
      },
      cursor: async function* (text, values, batch) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query("begin read only");
          // A reader that stops reading must not hold the transaction (and the connection) for ever.
          await client.query("set local idle_in_transaction_session_timeout = '5min'");
          await client.query(`declare rows_cursor no scroll cursor for ${text}`, values);
          for (;;) {
            const { rows } = await client.query<unknown[]>({ text: `fetch ${Math.trunc(batch)} from rows_cursor`, rowMode: "array" });
            if (rows.length > 0) yield rows;
            if (rows.length < batch) break;
          }
        } finally {
          // Commit or roll back alike: the transaction only read.
          await client.query("rollback").catch((error: Error) => {
            broken = error;
          });
          client.release(broken);
        }
      },
      close: () => pool.end(),
    },
  };
}

export async function openPglite(dir: string): Promise<Handle> {
  fs.mkdirSync(dir, { recursive: true });
  const releaseLock = acquirePgliteLock(dir);
  const client = new PGlite(dir);
  await client.waitReady;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    raw: {
      kind: "pglite",
      query: async (text, values) => {
        // PGlite's query() is one prepared statement; parameterless multi-statement SQL goes through exec().
        if (values && values.length > 0) return client.query(text, values) as never;
        const results = await client.exec(text);
        return { rows: results.flatMap((r) => r.rows) } as never;
      },
      withAdvisoryLock: (_lockId, fn) => fn(),
      close: async () => {
        await client.close();
        releaseLock();
      },
    },
  };
}
