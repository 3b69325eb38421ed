import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { databaseOutage } from "@/lib/db/outage";
import { serverState } from "@/lib/server/start";

export const dynamic = "force-dynamic";

/** A database that has not answered `select 1` by then counts as unavailable (an unreachable host hangs, not refuses). */
const DATABASE_TIMEOUT_MS = 3_000;
/** What a client should wait before asking again while the database is away (the app reconnects by itself). */
const RETRY_AFTER_SECONDS = 5;

type DatabaseState = { ok: true; driver: string } | { ok: false; status: "unavailable"; code: string } | { ok: false; status: "error" };

/**
 * Database and queue state, for load balancers, the test runner and the overview page: 200 when both work, else 503
 * with `status` saying what is wrong (`database_unavailable` while the database is restarting or unreachable).
 * Reveals no configuration: the driver's error code at most.
 */
export async function GET() {
  const database = await databaseState();
  const queue = await queueState();
  const ok = database.ok && queue.ok;
  const status = ok ? "ok" : !database.ok ? `database_${database.status}` : "queue_down";
  const headers: Record<string, string> = status === "database_unavailable" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return NextResponse.json({ ok, status, database, queue }, { status: ok ? 200 : 503, headers });
}

async function databaseState(): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("health check timed out"), { code: "ETIMEDOUT" })), DATABASE_TIMEOUT_MS);
  });
  try {
    const { raw } = await Promise.race([getDb(), timeout]);
    await Promise.race([raw.query("select 1"), timeout]);
    return { ok: true, driver: raw.kind };
  } catch (error) {
    const outage = databaseOutage(error);
    return outage ? { ok: false, status: "unavailable", code: outage.code } : { ok: false, status: "error" };
  } finally {
    clearTimeout(timer);
  }
}

async function queueState(): Promise<{ ok: boolean; state: string }> {
  const state = serverState();
  const boss = state?.boss;
  if (!boss) return { ok: false, state: state?.bossError ? "failed" : "stopped" };
  try {
    await boss.getQueues();
    return { ok: true, state: "running" };
  } catch {
    return { ok: false, state: "unreachable" };
  }
}
