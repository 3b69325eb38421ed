import { randomUUID } from "node:crypto";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { getDb } from "@/lib/db/client";
import { insertConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY } from "@/lib/sim/calldron/test-helpers";
import type { RequestLogEntry } from "@/lib/sim/types";

/** Valid Russian mobiles, `n` of them from `from` on: +7 916 …. */
export function mobiles(from: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `+7916${String(from + i).padStart(7, "0")}`);
}

/** A client of the simulator's demo account that never sleeps (tests). */
export function simClient(baseUrl: string, timeoutMs = 2_000): CalldronClient {
  return createCalldronClient({ baseUrl, apiKey: DEMO_KEY, timeoutMs, sleep: async () => {} });
}

/** A list on the simulator holding `phones` (added ten at a time); returns its id. */
export async function seedList(client: CalldronClient, name: string, phones: string[]): Promise<string> {
  const list = await client.createListAndFind(name);
  for (let i = 0; i < phones.length; i += 10) await Promise.all(phones.slice(i, i + 10).map((p) => client.addSubscriber(list.id, p)));
  return list.id;
}

/** A manager and a connection to the simulator's demo account, as the app stores them. */
export async function seedOwnerAndConnection(baseUrl: string): Promise<{ ownerId: string; connection: Connection }> {
  const { raw } = await getDb();
  const { rows } = await raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [
    `runner-${randomUUID()}@x.test`,
  ]);
  const id = randomUUID();
  const connection = await insertConnection({ connection: { id, name: `Calldron ${id.slice(0, 4)}`, provider: "calldron", baseUrl, ...sealApiKey(id, DEMO_KEY) } });
  return { ownerId: rows[0]?.id as string, connection };
}

/** Numbers of the creates of calls the simulator really carried out (answered 200, even if the answer was then lost). */
export function calledPhones(entries: RequestLogEntry[], batchId: string): string[] {
  return entries.filter((e) => e.method === "POST" && e.path === `/batches/${batchId}/calls` && e.status === 200).map((e) => e.phone ?? "?");
}

/** How many times each number occurs, for those occurring other than once. */
export function notOnce(phones: string[], expected: string[]): Record<string, number> {
  const seen = new Map<string, number>();
  for (const p of phones) seen.set(p, (seen.get(p) ?? 0) + 1);
  const odd: Record<string, number> = {};
  for (const p of new Set([...phones, ...expected])) if (seen.get(p) !== 1) odd[p] = seen.get(p) ?? 0;
  return odd;
}
