import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { serverState } from "@/lib/server/start";

export const dynamic = "force-dynamic";

/** Database and queue state, for load balancers and the test runner. Reveals no configuration. */
export async function GET() {
  const state = serverState();
  let database: { ok: boolean; driver?: string } = { ok: false };
  try {
    const { raw } = await getDb();
    await raw.query("select 1");
    database = { ok: true, driver: raw.kind };
  } catch {
    database = { ok: false };
  }
  const boss = state?.boss;
  let queue: { ok: boolean; state: string } = { ok: false, state: state?.bossError ? "failed" : "stopped" };
  if (boss) {
    try {
      await boss.getQueues();
      queue = { ok: true, state: "running" };
    } catch {
      queue = { ok: false, state: "unreachable" };
    }
  }
  const ok = database.ok && queue.ok;
  return NextResponse.json({ ok, database, queue }, { status: ok ? 200 : 503 });
}
