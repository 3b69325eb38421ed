import { beforeAll, describe, expect, it } from "vitest";
import { ensureWebhookToken } from "@/lib/db/queries/webhook-events";
import { Rng } from "@/lib/sim/rng";
import { setupTestDb } from "@/lib/testing/test-db";
import { storeWebhookEvent } from "@/lib/webhooks/store-events-together";

const testDb = setupTestDb();
let token: string;

beforeAll(async () => {
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('Calldog', 'calldog', 'http://127.0.0.1:1/calldog/', 'sealed', 'abcd') returning id",
    [],
  );
  token = (await ensureWebhookToken({ connectionId: rows[0]?.id as string })) as string;
});

const store = (key: string) => storeWebhookEvent({ token, provider: "calldog", dedupeKey: key, kind: "status", body: JSON.stringify({ key }) });

describe("deliveries stored together", () => {
  it("a burst split into statements that share keys in different orders stores each key once, without a deadlock", async () => {
    // 2,000 deliveries in one turn of the event loop: ten statements of 200 at once, each with the same keys in
    // another order (Calldog's retries arriving among the originals). On PostgreSQL, rows inserted in arrival order
    // made statements take the same keys' locks in opposite orders: a deadlock (40P01), answered 503.
    const keys = Array.from({ length: 200 }, (_, i) => `burst-${String(i).padStart(3, "0")}`);
    const rng = new Rng(11);
    const deliveries = Array.from({ length: 10 }, () => shuffled(keys, rng)).flat();
    const outcomes = await Promise.all(deliveries.map(store));
    expect(outcomes.every((o) => o.connectionId)).toBe(true);
    expect(outcomes.filter((o) => o.stored)).toHaveLength(200);
    const { rows } = await testDb.handle.raw.query<{ n: number }>("select count(distinct dedupe_key)::int as n from webhook_events where dedupe_key like 'burst-%'", []);
    expect(rows[0]?.n).toBe(200);
  });
});

function shuffled<T>(items: T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
