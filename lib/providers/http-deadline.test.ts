import { getEventListeners } from "node:events";
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ProviderRequest, providerRequest } from "@/lib/providers/http";
import { hangReply, jsonReply, type LocalServer, startLocalServer } from "@/lib/testing/local-server";
import { failure } from "@/lib/testing/provider-assertions";

let server: LocalServer;
beforeEach(async () => {
  server = await startLocalServer();
});
afterEach(async () => {
  await server.close();
});

const read = (overrides: Partial<ProviderRequest<unknown>> = {}) =>
  providerRequest({ provider: "calldron", baseUrl: server.baseUrl, method: "GET", path: "batches", idempotent: true, secrets: [], ...overrides });
const create = (overrides: Partial<ProviderRequest<unknown>> = {}) => read({ method: "POST", json: { batch: {} }, idempotent: false, ...overrides });

/** Starts the clock before the call: its first fetch may spend a while loading before it yields. */
async function timed<T>(start: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await start();
  return { value, ms: Date.now() - started };
}

describe("one deadline per call", () => {
  it("cuts a hanging read at the deadline although its attempt timeout is longer", async () => {
    server.replies.push(hangReply);
    const { value: error, ms } = await timed(() => failure(read({ timeoutMs: 5_000, deadlineMs: 300 })));
    expect(error).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(ms).toBeGreaterThanOrEqual(280);
    expect(ms).toBeLessThan(2_000);
    // One attempt at most (on a busy machine the first connection may not even have been made in 300 ms).
    expect(server.hits.length).toBeLessThanOrEqual(1);
  });

  it("stops retrying at the deadline however many attempts remain", async () => {
    server.replies.push(jsonReply(500, {}), hangReply, hangReply);
    const { value: error, ms } = await timed(() => failure(read({ timeoutMs: 5_000, deadlineMs: 1_200 })));
    expect(error).toMatchObject({ kind: "unavailable", cause: "timeout" });
    // The second attempt (after a real back-off of 250-500 ms) gets only what is left; a third is never sent.
    expect(server.hits).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(1_150);
    expect(ms).toBeLessThan(2_500);
  });

  it("counts the back-off wait: a wait that would end past the deadline is not begun", async () => {
    const sleeps: number[] = [];
    server.replies.push(jsonReply(500, { error: "boom" }), jsonReply(200, { late: true }));
    // The first back-off is at least 250 ms, more than the whole deadline.
    const error = await failure(read({ deadlineMs: 240, sleep: async (ms) => void sleeps.push(ms) }));
    expect(error.kind).toBe("unavailable");
    expect(sleeps).toEqual([]);
    expect(server.hits).toHaveLength(1);
  });

  it("does not wait out a Retry-After that passes the deadline: rate_limited at once, with retryAfterMs", async () => {
    server.replies.push(jsonReply(429, {}, { "retry-after": "5" }), jsonReply(200, { id: 1 }));
    const { value: error, ms } = await timed(() => failure(create({ deadlineMs: 2_000 })));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 5_000, maybeProcessed: false });
    expect(server.hits).toHaveLength(1);
    expect(ms).toBeLessThan(2_000);
  });

  it("retries within the deadline when the wait fits, with the real sleep", async () => {
    server.replies.push(jsonReply(502, {}), jsonReply(200, { n: 2 }));
    expect(await read({ deadlineMs: 5_000 })).toEqual({ n: 2 });
    expect(server.hits).toHaveLength(2);
  });

  it("ends early when the caller's signal fires, during an attempt or a back-off wait", async () => {
    server.replies.push(hangReply);
    const during = await timed(() => failure(read({ timeoutMs: 5_000, deadlineMs: 10_000, signal: AbortSignal.timeout(200) })));
    expect(during.value).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(during.ms).toBeLessThan(2_500);

    server.replies.push(jsonReply(429, {}, { "retry-after": "3" }));
    const waiting = await timed(() => failure(read({ deadlineMs: 10_000, signal: AbortSignal.timeout(300) })));
    expect(waiting.value).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(waiting.ms).toBeLessThan(2_500);
    expect(server.hits).toHaveLength(2);
  });
});

describe("a long-lived caller signal (a background task's)", () => {
  it("is not left holding a listener per finished call", async () => {
    const task = new AbortController();
    for (let i = 0; i < 30; i++) await read({ signal: task.signal });
    expect(getEventListeners(task.signal, "abort")).toHaveLength(0);
  });
});

describe("maybeProcessed tells a caller whether a create must be looked up before it is sent again", () => {
  it("is set after a timeout, a reset, a 5xx and a success that cannot be read", async () => {
    server.replies.push(hangReply);
    expect(await failure(create({ timeoutMs: 100 }))).toMatchObject({ cause: "timeout", maybeProcessed: true });
    server.replies.push((req) => req.socket.destroy());
    expect(await failure(create())).toMatchObject({ cause: "network", maybeProcessed: true });
    server.replies.push(jsonReply(500, {}));
    expect(await failure(create())).toMatchObject({ kind: "unavailable", maybeProcessed: true });
    server.replies.push((_req, res) => res.writeHead(200).end("<html>"));
    expect(await failure(create())).toMatchObject({ kind: "bad_response", maybeProcessed: true });
    expect(server.hits).toHaveLength(4);
  });

  it("is clear after a refusal: 4xx, 429/503 with Retry-After, a refused connection", async () => {
    server.replies.push(jsonReply(422, { error: "name is blank" }));
    expect(await failure(create())).toMatchObject({ kind: "validation", maybeProcessed: false });
    server.replies.push(jsonReply(503, {}, { "retry-after": "60" }));
    expect(await failure(create())).toMatchObject({ kind: "unavailable", maybeProcessed: false });
    const port = await freePort();
    const refused = await failure(create({ baseUrl: `http://127.0.0.1:${port}/`, sleep: async () => {} }));
    expect(refused).toMatchObject({ cause: "network", maybeProcessed: false });
  });
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}
