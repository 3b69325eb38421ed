import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { ensureWebhookToken } from "@/lib/db/queries/webhook-events";
import { WEBHOOK_EVENTS_QUEUE } from "@/lib/jobs/webhook-events";
import { callInfo, newSimCall } from "@/lib/sim/calldog/simulator-state";
import { startScript } from "@/lib/testing/import-task-fixture";
import { setupTestDb } from "@/lib/testing/test-db";

// `npm run webhooks` as a process of its own (a child here) stores a delivery and sends the apply job. Only in the
// PostgreSQL pass (TEST_DATABASE_URL set): on PGlite the receiver process refuses to start (one embedded database,
// one process), so the PGlite pass reports this test skipped.
const url = process.env.TEST_DATABASE_URL;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe.skipIf(!url)("npm run webhooks (PostgreSQL pass only; skipped on PGlite: one process)", () => {
  const testDb = setupTestDb();
  let receiver: ReturnType<typeof startScript> | undefined;
  afterAll(() => {
    if (receiver?.child.exitCode === null) receiver.child.kill("SIGKILL");
  });

  it("stores a delivery, queues the apply job, and stops on SIGTERM", { timeout: 120_000 }, async () => {
    const { rows } = await testDb.handle.raw.query<{ id: string }>(
      "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('Calldog', 'calldog', 'http://127.0.0.1:1/calldog/', 'sealed', 'abcd') returning id",
      [],
    );
    const connectionId = rows[0]?.id as string;
    const token = (await ensureWebhookToken({ connectionId })) as string;
    const port = await freePort();
    receiver = startScript("scripts/webhooks.mts", { args: ["-p", String(port), "-H", "127.0.0.1"], env: { NODE_ENV: "development" } });
    const { child, exited, output } = receiver;
    while (!output().includes("[webhooks] receiver on")) {
      expect(child.exitCode, output()).toBeNull();
      await new Promise((r) => setTimeout(r, 200));
    }

    const call = newSimCall({ id: 9001, accountId: 1, phone: "79990000001", outgoingPhone: "74951234567", gender: 0, ivrs: [], lang: "ru-RU", needRecording: false, baseUrl: "http://sim.test/calldog/", createdAt: Date.UTC(2026, 10, 20, 9), status: "started", startedAt: Date.UTC(2026, 10, 20, 9, 0, 1) });
    const response = await fetch(`http://127.0.0.1:${port}/api/webhooks/calldog/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(callInfo(call)) });
    expect(response.status, output()).toBe(200);
    const events = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from webhook_events where connection_id = $1", [connectionId]);
    expect(events.rows[0]?.n).toBe(1);
    // The nudge comes a moment after the answer.
    for (let waited = 0; ; waited += 200) {
      const jobs = await testDb.handle.raw.query<{ n: number }>("select count(*)::int as n from pgboss.job where name = $1", [WEBHOOK_EVENTS_QUEUE]);
      if ((jobs.rows[0]?.n ?? 0) > 0) break;
      expect(waited, `no apply job queued; ${output()}`).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 200));
    }

    child.kill("SIGTERM");
    expect(await exited, output()).toBe(0);
    expect(output()).toContain("[webhooks] SIGTERM: stopping");
  });
});
