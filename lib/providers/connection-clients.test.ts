import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@/lib/db/schema";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { baseUrlGuard, CALL_BUDGETS, clientFor, readConnection, readEachConnection } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
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
  stored.connections = [
    connection("c-quick", "Быстрый", quick.baseUrl),
    connection("c-stuck", "Зависший", stuck.baseUrl),
    // Saved when the rule allowed it; outside development plain http may go only to this machine.
    connection("c-http", "Открытый http", "http://93.184.216.34/calldron/v1/"),
  ];
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
      { connection: { id: "c-http", name: "Открытый http", provider: "calldron" }, ok: false, error: "blocked" },
    ]);
  });

  it("ends at the deadline even when the read waits on something else", async () => {
    const started = Date.now();
    const read = await readConnection("calldron", "c-quick", () => new Promise<never>(() => {}));
    expect(Date.now() - started).toBeLessThan(limit);
    expect(read).toMatchObject({ ok: false, error: "timeout" });
  });
});

describe("a stored connection whose base URL the rule no longer allows", () => {
  it("is refused when its client is used, before anything is sent: the page shows why", async () => {
    const read = await readConnection("calldron", "c-http", (client) => client.listBatches());
    expect(read).toEqual({ connection: { id: "c-http", name: "Открытый http", provider: "calldron" }, ok: false, error: "blocked" });
    const http = stored.connections.find((c) => c.id === "c-http") as Connection & { provider: "calldron" };
    const error = await clientFor(http).listBatches().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "blocked", provider: "calldron", providerMessage: "baseUrlInsecure" });
  });

  it("asks the rule once per client, and sends nothing while it refuses", async () => {
    const server = await startLocalServer();
    try {
      const check = vi.fn(async () => "baseUrlPrivate" as const);
      const client = createCalldronClient({ baseUrl: server.baseUrl, apiKey: "k", guard: baseUrlGuard({ provider: "calldron", baseUrl: server.baseUrl }, check) });
      await expect(client.listBatches()).rejects.toMatchObject({ kind: "blocked", providerMessage: "baseUrlPrivate" });
      await expect(client.createCall("1", "+79990000001")).rejects.toMatchObject({ kind: "blocked" });
      expect(check).toHaveBeenCalledTimes(1);
      expect(server.hits).toEqual([]);

      const allowed = createCalldronClient({ baseUrl: server.baseUrl, apiKey: "k", guard: baseUrlGuard({ provider: "calldron", baseUrl: server.baseUrl }, async () => null) });
      server.replies.push(jsonReply(200, [batch]));
      await expect(allowed.listBatches()).resolves.toEqual([expect.objectContaining({ id: "1" })]);
      expect(server.hits).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
