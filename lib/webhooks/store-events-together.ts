import "server-only";
import { getDb } from "@/lib/db/client";

export type Delivery = {
  token: string;
  provider: "calldog";
  dedupeKey: string;
  kind: string;
  /** The JSON text as it arrived (already validated). */
  body: string;
};

export type StoreOutcome = { connectionId?: string; stored: boolean };

type Waiting = { delivery: Delivery; resolve: (outcome: StoreOutcome) => void; reject: (error: unknown) => void };

/** Enough to keep one statement small; a burst larger than this goes out in several. */
const MAX_TOGETHER = 200;

let waiting: Waiting[] = [];
let scheduled = false;

/**
 * Stores a delivery for the connection that owns its token, once per dedupe key. Deliveries that arrive in the
 * same turn of the event loop share one statement (one database round trip for a burst), and each caller is
 * answered only once that statement has committed its row. `connectionId` is undefined for an unknown token;
 * `stored` is false for a duplicate.
 */
export function storeWebhookEvent(delivery: Delivery): Promise<StoreOutcome> {
  return new Promise((resolve, reject) => {
    waiting.push({ delivery, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

function flush() {
  scheduled = false;
  const taken = waiting;
  waiting = [];
  for (let i = 0; i < taken.length; i += MAX_TOGETHER) void storeTogether(taken.slice(i, i + MAX_TOGETHER));
}

async function storeTogether(group: Waiting[]) {
  try {
    const { raw } = await getDb();
    const deliveries = group.map((w) => w.delivery);
    const columns = [
      deliveries.map((d) => d.token),
      deliveries.map((d) => d.provider),
      deliveries.map((d) => d.dedupeKey),
      deliveries.map((d) => d.kind),
      deliveries.map((d) => d.body),
    ];
    const { rows } = await raw.query<{ n: number; connection_id: string | null; event_id: string | null }>(STORE_SQL, columns);
    const byPosition = new Map(rows.map((row) => [Number(row.n), row]));
    group.forEach(({ resolve }, index) => {
      const row = byPosition.get(index + 1);
      resolve({ connectionId: row?.connection_id ?? undefined, stored: Boolean(row?.event_id) });
    });
  } catch (error) {
    for (const { reject } of group) reject(error);
  }
}

/**
 * One row per delivery, in order (`n`): its connection, and the new event's id when this delivery stored it. Two
 * deliveries of one event in the same group store one row; the first of them is the one reported as stored.
 */
const STORE_SQL = `
  with input as (
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
      with ordinality as t(token, provider, dedupe_key, kind, payload, n)
  ),
  matched as (
    select input.n, input.dedupe_key, input.kind, input.payload, c.id as connection_id
    from input join connections c on c.webhook_token = input.token and c.provider::text = input.provider
  ),
  firsts as (
    select distinct on (connection_id, dedupe_key) * from matched order by connection_id, dedupe_key, n
  ),
  ins as (
    insert into webhook_events (connection_id, dedupe_key, kind, payload)
    -- In key order, not arrival order: two statements storing the same keys at once (a burst split in groups,
    -- or several receivers) then take the keys' locks in one order and wait for each other instead of deadlocking.
    select connection_id, dedupe_key, kind, payload::jsonb from firsts order by connection_id, dedupe_key
    on conflict (connection_id, dedupe_key) do nothing
    returning id, connection_id, dedupe_key
  )
  select input.n, matched.connection_id, case when firsts.n = input.n then ins.id end as event_id
  from input
  left join matched on matched.n = input.n
  left join firsts on firsts.connection_id = matched.connection_id and firsts.dedupe_key = matched.dedupe_key
  left join ins on ins.connection_id = matched.connection_id and ins.dedupe_key = matched.dedupe_key`;
