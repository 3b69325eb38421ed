import http from "node:http";
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { backoff, parseRetryAfter, type ProviderRequest, providerFetch, providerRequest, redact } from "@/lib/providers/http";
import { failure } from "@/lib/testing/provider-assertions";

/** A key with characters that encodeURIComponent and the URL query encoder write differently (space, ~, !). */
const KEY = "sk live~key!42 xyz";

type Reply = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server;
let baseUrl: string;
let replies: Reply[];
let hits: { method: string; url: string }[];
let sleeps: number[];

beforeEach(async () => {
  replies = [];
  hits = [];
  sleeps = [];
  server = http.createServer((req, res) => {
    hits.push({ method: req.method ?? "", url: req.url ?? "" });
    req.resume();
    req.on("end", () => (replies.shift() ?? json(200, { ok: true }))(req, res));
  });
  baseUrl = await listen(server);
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_req, res) => res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
const hang: Reply = () => {};
const reset: Reply = (req) => req.socket.destroy();

function request<T = unknown>(overrides: Partial<ProviderRequest<T>> = {}): Promise<T> {
  return providerRequest<T>({
    provider: "obzvonilka",
    baseUrl,
    method: "GET",
    path: "things.json",
    query: { api_key: KEY },
    idempotent: true,
    secrets: [KEY],
    timeoutMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}
const post = <T = unknown>(overrides: Partial<ProviderRequest<T>> = {}) =>
  request<T>({ method: "POST", path: "create.json", json: { name: "x" }, idempotent: false, ...overrides });

describe("retries", () => {
  it("retries a read on 500 with exponential back-off and jitter, then succeeds", async () => {
    replies.push(json(500, {}), json(502, {}), json(200, { n: 1 }));
    expect(await request()).toEqual({ n: 1 });
    expect(hits).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(250);
    expect(sleeps[0]).toBeLessThan(500);
    expect(sleeps[1]).toBeGreaterThanOrEqual(500);
    expect(sleeps[1]).toBeLessThan(1_000);
  });

  it("gives up on a read after three attempts", async () => {
    replies.push(json(500, {}), json(500, {}), json(500, {}));
    expect(await failure(request(), [KEY])).toMatchObject({ kind: "unavailable", status: 500, cause: "server" });
    expect(hits).toHaveLength(3);
  });

  it("sends a non-idempotent POST answered 500 once", async () => {
    replies.push(json(500, { error: "boom" }));
    expect(await failure(post(), [KEY])).toMatchObject({ kind: "unavailable", status: 500 });
    expect(hits).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries a POST answered 503 with Retry-After: 0, waiting what the header says", async () => {
    replies.push(json(503, {}, { "retry-after": "0" }), json(200, { id: 7 }));
    expect(await post()).toEqual({ id: 7 });
    expect(hits.map((h) => h.method)).toEqual(["POST", "POST"]);
    expect(sleeps).toEqual([0]);
  });

  it("retries a POST answered 429 with Retry-After, but not a 503 without it", async () => {
    replies.push(json(429, {}, { "retry-after": "1" }), json(200, { id: 8 }));
    expect(await post()).toEqual({ id: 8 });
    expect(sleeps).toEqual([1_000]);
    hits = [];
    replies.push(json(503, {}));
    expect((await failure(post())).kind).toBe("unavailable");
    expect(hits).toHaveLength(1);
  });

  it("does not wait out a Retry-After longer than 30 s: rate_limited with retryAfterMs", async () => {
    replies.push(json(429, {}, { "retry-after": "120" }));
    expect(await failure(request())).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 120_000 });
    expect(hits).toHaveLength(1);
  });

  it("retries a POST whose connection was refused (provably not received)", async () => {
    const port = await freePort();
    const late = http.createServer((req, res) => {
      hits.push({ method: req.method ?? "", url: req.url ?? "" });
      req.resume();
      req.on("end", () => json(200, { id: 9 })(req, res));
    });
    const answer = await post({
      baseUrl: `http://127.0.0.1:${port}/`,
      // The server comes up during the back-off: the second attempt reaches it.
      sleep: async (ms) => {
        sleeps.push(ms);
        if (!late.listening) await new Promise<void>((resolve) => late.listen(port, "127.0.0.1", resolve));
      },
    });
    await new Promise<void>((resolve) => late.close(() => resolve()));
    expect(answer).toEqual({ id: 9 });
    expect(sleeps).toHaveLength(1);
    expect(hits).toHaveLength(1);
  });

  it("gives up on a refused POST after three attempts as unavailable (network)", async () => {
    const port = await freePort();
    const error = await failure(post({ baseUrl: `http://127.0.0.1:${port}/` }), [KEY]);
    expect(error).toMatchObject({ kind: "unavailable", cause: "network" });
    expect(sleeps).toHaveLength(2);
  });

  it("does not retry a POST that timed out or whose connection was reset", async () => {
    replies.push(hang);
    expect(await failure(post({ timeoutMs: 500 }), [KEY])).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(hits).toHaveLength(1);
    replies.push(reset);
    expect(await failure(post(), [KEY])).toMatchObject({ kind: "unavailable", cause: "network" });
    expect(hits).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("retries a read that timed out, each attempt with its own timeout", async () => {
    replies.push(hang, hang, json(200, { late: true }));
    const started = Date.now();
    expect(await request({ timeoutMs: 100 })).toEqual({ late: true });
    expect(hits).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it("times out a body that stalls after the headers, as unavailable (timeout), and retries a read", async () => {
    const stall: Reply = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
    };
    replies.push(stall, stall, stall);
    expect(await failure(request({ timeoutMs: 100 }), [KEY])).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(hits).toHaveLength(3);
    replies.push(stall);
    expect(await failure(post({ timeoutMs: 100 }), [KEY])).toMatchObject({ kind: "unavailable", cause: "timeout" });
    expect(hits).toHaveLength(4);
  });

  it("maps a connection cut in the middle of the body to unavailable (network)", async () => {
    const cut: Reply = (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":', () => req.socket.destroy());
    };
    replies.push(cut);
    expect(await failure(post(), [KEY])).toMatchObject({ kind: "unavailable", cause: "network" });
    expect(hits).toHaveLength(1);
  });
});

describe("answers", () => {
  it("maps statuses to kinds and follows no redirect", async () => {
    const cases: [Reply, string][] = [
      [json(401, { error: "Invalid API key" }), "auth"],
      [json(403, {}), "auth"],
      [json(404, {}), "not_found"],
      [json(422, { errors: { name: ["blank"] } }), "validation"],
      [(_req, res) => res.writeHead(302, { location: "https://elsewhere.example/login" }).end(), "bad_response"],
    ];
    for (const [reply, kind] of cases) {
      replies.push(reply);
      expect((await failure(post(), [KEY])).kind).toBe(kind);
    }
    expect(hits).toHaveLength(cases.length);
  });

  it("maps a non-JSON answer and a shape the schema rejects to bad_response", async () => {
    replies.push((_req, res) => res.writeHead(200).end("<html>"));
    expect((await failure(request())).kind).toBe("bad_response");
    replies.push(json(200, { id: "x" }));
    const error = await failure(request({ schema: z.object({ id: z.number() }) }));
    expect(error).toMatchObject({ kind: "bad_response", providerMessage: "unexpected answer at id" });
  });

  it("lets the provider classify its own error envelope", async () => {
    replies.push(json(200, { status: "error", message: "quota" }));
    const error = await failure(request({ inspect: (_s, body) => ((body as { status?: string }).status === "error" ? { kind: "rate_limited", message: "quota" } : undefined) }));
    expect(error).toMatchObject({ kind: "rate_limited", providerMessage: "quota" });
  });

  it("turns a base URL that is not a URL into a validation error", async () => {
    expect(await failure(request({ baseUrl: "not a url" }), [KEY])).toMatchObject({ kind: "validation" });
  });

  it("streams binary answers through providerFetch", async () => {
    replies.push((_req, res) => res.writeHead(206, { "content-range": "bytes 0-1/4" }).end(Buffer.from([1, 2])));
    const response = await providerFetch({ provider: "calldron", baseUrl, method: "GET", path: "a.mp3", idempotent: true, secrets: [] });
    expect(response.status).toBe(206);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2]);
  });
});

describe("redaction", () => {
  it("never shows the key from the query string in an error", async () => {
    const echo = json(500, { error: `bad key ${KEY}` });
    replies.push(echo, echo, echo);
    const error = await failure(request(), [KEY, encodeURIComponent(KEY), new URLSearchParams({ k: KEY }).toString().slice(2)]);
    expect(error.path).toBe("/things.json?api_key=***");
    expect(error.providerMessage).toBe("bad key ***");
    expect(hits[0]?.url).toContain("api_key=");
  });

  it("leaves no part of a key echoed at the edge of a long provider message", async () => {
    replies.push(json(422, { error: `${"x".repeat(190)} ${KEY}` }));
    const error = await failure(post());
    expect(error.providerMessage).not.toContain(KEY.slice(0, 6));
  });

  it("keeps the key out of the log lines (PROVIDER_LOG=1)", async () => {
    vi.stubEnv("PROVIDER_LOG", "1");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      replies.push(json(500, {}), reset, json(200, {}));
      await request();
      expect(info).toHaveBeenCalledTimes(3);
      const printed = JSON.stringify(info.mock.calls);
      expect(printed).not.toContain(KEY);
      expect(printed).not.toContain(encodeURIComponent(KEY));
      expect(printed).not.toContain(new URLSearchParams({ k: KEY }).toString().slice(2));
    } finally {
      info.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it("redacts the raw, URI-encoded and form-encoded forms of every secret", () => {
    const forms = [KEY, encodeURIComponent(KEY), new URLSearchParams({ k: KEY }).toString().slice(2)];
    expect(redact(forms.join(" | "), [KEY, ""])).toBe("*** | *** | ***");
  });
});

describe("helpers", () => {
  it("backs off exponentially with jitter below the next step", () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const base = 250 * 2 ** (attempt - 1);
      for (let i = 0; i < 20; i++) {
        const ms = backoff(attempt);
        expect(ms).toBeGreaterThanOrEqual(base);
        expect(ms).toBeLessThan(2 * base);
      }
    }
  });

  it("reads Retry-After in seconds or as an HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThan(8_000);
  });
});

async function listen(s: http.Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const address = s.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
}

/** A port nothing listens on (connections to it are refused). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}
