import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providerFetch } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { hangReply, type LocalServer, type Reply, startLocalServer } from "@/lib/testing/local-server";
import { failure } from "@/lib/testing/provider-assertions";

let server: LocalServer;
beforeEach(async () => {
  server = await startLocalServer();
});
afterEach(async () => {
  await server.close();
});

const CHUNK = 64 * 1024;

/** Sends `chunks` chunks of CHUNK bytes, one every `everyMs`, then ends (or stalls for ever after `stallAfter`). */
function slowBody(chunks: number, everyMs: number, stallAfter = Number.POSITIVE_INFINITY): Reply {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "audio/mpeg", "content-length": String(chunks * CHUNK) });
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= stallAfter) return clearInterval(timer);
      res.write(Buffer.alloc(CHUNK, sent % 256));
      sent++;
      if (sent === chunks) {
        clearInterval(timer);
        res.end();
      }
    }, everyMs);
    res.on("close", () => clearInterval(timer));
  };
}

const fetchAudio = (overrides: { timeoutMs?: number; deadlineMs?: number; idleTimeoutMs?: number; headers?: Record<string, string> } = {}) =>
  providerFetch({ provider: "calldron", baseUrl: server.baseUrl, method: "GET", path: "record.mp3", idempotent: true, secrets: [], sleep: async () => {}, ...overrides });

async function readAll(response: Response, pauseMs = 0): Promise<number> {
  const reader = response.body?.getReader();
  let bytes = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) return bytes;
    bytes += chunk.value.byteLength;
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  }
}

describe("streaming a recording", () => {
  it("streams a large body sent slowly to the end, far past the timeout and the deadline", async () => {
    server.replies.push(slowBody(40, 100));
    const started = Date.now();
    const response = await fetchAudio({ timeoutMs: 2_000, deadlineMs: 2_500, idleTimeoutMs: 2_000 });
    expect(response.status).toBe(200);
    expect(await readAll(response)).toBe(40 * CHUNK);
    expect(Date.now() - started).toBeGreaterThan(3_500);
  });

  it("cuts a body that stalls midway, as unavailable (timeout), within the idle limit", async () => {
    server.replies.push(slowBody(24, 20, 4));
    const response = await fetchAudio({ idleTimeoutMs: 300 });
    const started = Date.now();
    const error = await failure(readAll(response));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("never cuts a slow reader: only the wait for the provider counts", async () => {
    server.replies.push(slowBody(6, 1));
    const response = await fetchAudio({ idleTimeoutMs: 100 });
    expect(await readAll(response, 150)).toBe(6 * CHUNK);
  });

  it("waits for the headers at most the timeout, retrying a read within the deadline", async () => {
    server.replies.push(hangReply, hangReply, hangReply);
    const started = Date.now();
    const error = await failure(fetchAudio({ timeoutMs: 150, deadlineMs: 1_000 }));
    expect(error).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.hits.length).toBeGreaterThanOrEqual(2);
  });

  it("stops a stream when the caller gives up (the browser went away)", async () => {
    server.replies.push(slowBody(40, 50));
    const gone = new AbortController();
    const response = await providerFetch({ provider: "calldron", baseUrl: server.baseUrl, method: "GET", path: "record.mp3", idempotent: true, secrets: [], signal: gone.signal });
    setTimeout(() => gone.abort(), 200);
    const started = Date.now();
    expect(await failure(readAll(response))).toMatchObject({ kind: "unavailable" });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("lets go of the caller's signal once the body has ended", async () => {
    server.replies.push(slowBody(3, 1));
    const caller = new AbortController();
    const response = await providerFetch({ provider: "calldron", baseUrl: server.baseUrl, method: "GET", path: "record.mp3", idempotent: true, secrets: [], signal: caller.signal });
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(1);
    expect(await readAll(response)).toBe(3 * CHUNK);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });

  it("passes Range on and gives back 206 with Content-Range", async () => {
    server.replies.push((req, res) => {
      const match = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? "");
      const [from, to] = [Number(match?.[1]), Number(match?.[2])];
      res.writeHead(206, { "content-type": "audio/mpeg", "content-range": `bytes ${from}-${to}/1000` }).end(Buffer.alloc(to - from + 1));
    });
    const response = await fetchAudio({ headers: { range: "bytes=100-199" } });
    expect(server.hits[0]?.headers.range).toBe("bytes=100-199");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(await readAll(response)).toBe(100);
  });
});
