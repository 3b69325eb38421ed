import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@/lib/db/schema";
import { CALL_BUDGETS, readConnection, readEachConnection } from "@/lib/providers/connection-clients";
import { hangReply, jsonReply, type LocalServer, startLocalServer } from "@/lib/testing/local-server";

const stored = vi.hoisted(() => ({ connections: [] as Connection[] }));
vi.mock("@/lib/db/queries/connections", () => ({
  listConnections: async () => stored.connections,
  findConnection: async ({ id }: { id: string }) => stored.connections.find((c) => c.id === id),
}));
vi.mock("@/lib/crypto/connection-key", () => ({ openApiKey: () => "page-deadline-key" }));

let quick: LocalServer;
let stuck: LocalServer;
beforeAll(async () => {
  [quick, stuck] = await Promise.all([startLocalServer(), startLocalServer()]);
  const connection = (id: string, name: string, baseUrl: string) => ({ id, name, provider: "calldron", baseUrl }) as Connection;
  stored.connections = [connection("c-quick", "Быстрый", quick.baseUrl), connection("c-stuck", "Зависший", stuck.baseUrl)];
});
afterAll(async () => {
  await Promise.all([quick.close(), stuck.close()]);
});

const batch = { id: "1", name: "Кампания", status: "fresh" };
const limit = CALL_BUDGETS.page.deadlineMs + 1_500;

describe.concurrent("a page's read of each connection", () => {
  it("ends within the page deadline however many calls it makes, and still shows the connection that answered", async () => {
    for (let i = 0; i < 20; i++) quick.replies.push(jsonReply(200, [batch]));
    for (let i = 0; i < 20; i++) stuck.replies.push(hangReply);
    const started = Date.now();
    // Three calls in a row: each alone could use the whole page deadline.
    const reads = await readEachConnection("calldron", async (client) => {
      await client.listBatches();
      await client.listBatches();
      return client.listBatches();
    });
    expect(Date.now() - started).toBeLessThan(limit);
    expect(reads).toEqual([
      { connection: { id: "c-quick", name: "Быстрый", provider: "calldron" }, ok: true, data: [expect.objectContaining({ id: "1" })] },
      { connection: { id: "c-stuck", name: "Зависший", provider: "calldron" }, ok: false, error: "timeout" },
    ]);
  });

  it("ends at the deadline even when the read waits on something else", async () => {
    const started = Date.now();
    const read = await readConnection("calldron", "c-quick", () => new Promise<never>(() => {}));
    expect(Date.now() - started).toBeLessThan(limit);
    expect(read).toMatchObject({ ok: false, error: "timeout" });
  });
});
