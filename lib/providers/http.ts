import http from "node:http";
import https from "node:https";
import type { z } from "zod";
import type { Provider } from "@/lib/db/schema";
import { withIdleLimit } from "@/lib/providers/idle-stream";
import { kindForStatus, ProviderError, type UnavailableCause } from "@/lib/providers/provider-error";

export const DEFAULT_TIMEOUT_MS = 15_000;
/** The whole call, every attempt and back-off wait included, when neither the client nor the request sets one. */
export const DEFAULT_DEADLINE_MS = 30_000;
/** A streamed body (a recording) fails when no chunk arrives for this long; its length is not limited. */
export const DEFAULT_IDLE_TIMEOUT_MS = 15_000;
const MAX_ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 30_000;
/**
 * Idle keep-alive connections are closed after this long, before a server's usual 5 s (a Keep-Alive: timeout
 * hint lower than this is followed), so that a request is not sent on a connection the server is closing.
 */
const IDLE_SOCKET_MS = 4_000;
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

/** What each provider's client is created with. */
export type ProviderClientOptions = {
  baseUrl: string;
  apiKey: string;
  /** Per attempt (to the first byte for a stream). */
  timeoutMs?: number;
  /** Per call, across its attempts and back-off waits; after it the call fails as `unavailable` (timeout). */
  deadlineMs?: number;
  /** Ends every call of this client early (a page's overall deadline, a cancelled task). */
  signal?: AbortSignal;
  /** For tests: skips the back-off sleep between retries. */
  sleep?: (ms: number) => Promise<void>;
  /** Asked before every request; throws (a `blocked` ProviderError) to refuse sending it at all. */
  guard?: () => Promise<void>;
};

export type ProviderRequest<T> = {
  provider: Provider;
  baseUrl: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Relative to baseUrl, without a leading slash. */
  path: string;
  query?: Record<string, string | number | boolean | (string | number)[] | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: URLSearchParams;
  multipart?: FormData;
  /** Validates the parsed JSON body; omit with `raw: true`. */
  schema?: z.ZodType<T>;
  /** Reads may be retried on any transient failure; a write only when provably not received or refused with 429/503. */
  idempotent: boolean;
  /** Strings that must never appear in an error or a log line (the API key). */
  secrets: string[];
  /** Per attempt, headers and body together (providerFetch: to the headers only). */
  timeoutMs?: number;
  /** The whole call, attempts and waits together (providerFetch: until the headers of the answer). */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Lets a provider turn its own error envelope (even on HTTP 200) into a ProviderError kind. */
  inspect?: (status: number, body: unknown) => { kind: ProviderError["kind"]; message?: string } | undefined;
  /** For tests: skips the back-off sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** See ProviderClientOptions.guard: nothing is sent when it throws. */
  guard?: () => Promise<void>;
};

/**
 * One request helper for every provider: deadline, retries where safe, zod validation, redaction, typed errors.
 * Sent with node:http rather than fetch: fetch's web streams, request clones and abort signals cost about four
 * times the CPU per call, and an import makes a call per number.
 */
export async function providerRequest<T>(req: ProviderRequest<T>): Promise<T> {
  const outgoing = await encodeBody(req);
  // The body is read inside the attempt: a stalled or cut body is a transport failure like any other.
  const response = await send(req, (url, cancelWith) => nodeRequest(req, url, outgoing, cancelWith), async (r) => ({ status: r.status, text: await r.text() }));
  const text = response.text;
  let body: unknown;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      throw fail(req, { kind: "bad_response", status: response.status, providerMessage: "the answer is not JSON", maybeProcessed: true });
    }
  }
  const verdict = req.inspect?.(response.status, body);
  if (verdict) throw fail(req, { kind: verdict.kind, status: response.status, providerMessage: verdict.message });
  if (!req.schema) return body as T;
  const parsed = req.schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") || "(root)";
    throw fail(req, { kind: "bad_response", status: response.status, providerMessage: `unexpected answer at ${where}`, maybeProcessed: true });
  }
  return parsed.data;
}

/**
 * Same transport for binary answers (recordings), for streaming: `timeoutMs` and `deadlineMs` bound the wait for
 * the headers; after them the body may take as long as it needs, but fails (`unavailable`, timeout) when no chunk
 * arrives for `idleTimeoutMs`. Only what the reader asks for is waited on, so a slow reader is never cut.
 */
export async function providerFetch(req: Omit<ProviderRequest<never>, "schema"> & { idleTimeoutMs?: number }): Promise<Response> {
  const idleMs = req.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return send(
    req,
    (url, cancelWith) => {
      const controller = new AbortController();
      cancelWith((reason) => controller.abort(reason));
      return fetch(url, { method: req.method, headers: requestHeaders(req), body: bodyFor(req), signal: controller.signal, redirect: "manual" });
    },
    async (response, abort, release) =>
      withIdleLimit(response, {
        idleMs,
        abort,
        release,
        failure: (error) => fail(req, { kind: "unavailable", cause: transportCause(error), maybeProcessed: true }),
      }),
    { streams: true },
  );
}

type Attempt<R> = { ok: true; value: R } | { ok: false; error: ProviderError; retry: boolean; waitMs: number };

/** What an attempt reads of an answer: a fetch Response, or node:http's answer in the same shape. */
type Answer = { status: number; ok: boolean; headers: { get(name: string): string | null }; text(): Promise<string> };

/** Sends one attempt; `cancelWith` is given the way to cut it (the attempt's timer, the caller's signal). */
type Open<A extends Answer> = (url: URL, cancelWith: (cancel: (reason: unknown) => void) => void) => Promise<A>;

/**
 * Takes a successful answer under the attempt's timer (its failures count as transport failures of that attempt).
 * A stream keeps `abort` to cut the connection later, and calls `release` when it ends.
 */
type Accept<A extends Answer, R> = (response: A, abort: (reason: unknown) => void, release: () => void) => Promise<R>;

/** Sends with retries inside one deadline. */
async function send<A extends Answer, R>(req: ProviderRequest<unknown>, open: Open<A>, accept: Accept<A, R>, { streams = false } = {}): Promise<R> {
  await req.guard?.();
  let url: URL;
  try {
    url = buildUrl(req);
  } catch {
    throw fail(req, { kind: "validation", providerMessage: "the base URL is not a valid URL" });
  }
  const deadlineAt = Date.now() + (req.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const sleep = req.sleep ?? ((ms: number) => sleepUnlessAborted(ms, req.signal));
  let maybeProcessed = false;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadlineAt - Date.now();
    if (remaining <= 0 || req.signal?.aborted) throw fail(req, { kind: "unavailable", cause: "timeout", maybeProcessed });
    const outcome = await attemptOnce(req, url, attempt, Math.min(req.timeoutMs ?? DEFAULT_TIMEOUT_MS, remaining), open, accept, streams);
    if (outcome.ok) return outcome.value;
    maybeProcessed ||= outcome.error.maybeProcessed;
    const error = maybeProcessed === outcome.error.maybeProcessed ? outcome.error : withMaybeProcessed(outcome.error);
    // A wait that would end past the deadline is not begun: the caller learns now what the last attempt got.
    const fits = Date.now() + outcome.waitMs < deadlineAt;
    if (!outcome.retry || attempt >= MAX_ATTEMPTS || !fits || req.signal?.aborted) throw error;
    await sleep(outcome.waitMs);
  }
}

async function attemptOnce<A extends Answer, R>(
  req: ProviderRequest<unknown>,
  url: URL,
  attempt: number,
  timeoutMs: number,
  open: Open<A>,
  accept: Accept<A, R>,
  streams: boolean,
): Promise<Attempt<R>> {
  const started = Date.now();
  let aborted = false;
  let cancel: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    if (aborted) return;
    aborted = true;
    cancel?.(reason);
  };
  const timer = setTimeout(() => abort(new DOMException("attempt timed out", "TimeoutError")), timeoutMs);
  // Linked by hand rather than AbortSignal.any: a task's signal outlives thousands of calls.
  const onCallerAbort = () => abort(req.signal?.reason);
  const release = () => req.signal?.removeEventListener("abort", onCallerAbort);
  if (req.signal?.aborted) onCallerAbort();
  else req.signal?.addEventListener("abort", onCallerAbort, { once: true });
  let keepLink = false;
  let response: A | undefined;
  try {
    response = await open(url, (c) => {
      cancel = c;
      if (aborted) c(new DOMException("aborted before it was sent", "AbortError"));
    });
    if (response.ok) {
      const value = await accept(response, abort, release);
      log(req, attempt, String(response.status), started);
      // A stream still flowing must stop when the caller gives up.
      keepLink = streams;
      return { ok: true, value };
    }
    return await refusal(req, response, attempt, started);
  } catch (error) {
    // Ours or the caller's abort, whatever the error it surfaced as.
    const cause = aborted ? "timeout" : transportCause(error);
    // Only a refused connection proves the request never reached the service.
    const notReceived = !response && cause === "network" && isConnectionRefused(error);
    const answered = response ? `${response.status}, then the body: ` : "";
    log(req, attempt, `${answered}${cause}${notReceived ? " (refused)" : ""}`, started);
    const retry = req.idempotent || notReceived;
    return { ok: false, error: fail(req, { kind: "unavailable", cause, maybeProcessed: !notReceived }), retry, waitMs: backoff(attempt) };
  } finally {
    clearTimeout(timer);
    if (!keepLink) release();
  }
}

/** A non-2xx answer: retried when transient (reads) or refused unprocessed with Retry-After (writes too). */
async function refusal(req: ProviderRequest<unknown>, response: Answer, attempt: number, started: number): Promise<Attempt<never>> {
  log(req, attempt, String(response.status), started);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const refusedUnprocessed = (response.status === 429 || response.status === 503) && retryAfterMs !== undefined;
  const transient = response.status === 429 || response.status >= 500;
  const retry = (req.idempotent ? transient : refusedUnprocessed) && (retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS;
  const body = await response.text().catch(() => "");
  const inspected = req.inspect?.(response.status, safeJson(body));
  const error = fail(req, {
    kind: inspected?.kind ?? kindForStatus(response.status),
    status: response.status,
    retryAfterMs,
    cause: response.status >= 500 ? "server" : undefined,
    // Redacted before it is shortened, so that no cut-off part of a key survives.
    providerMessage: inspected?.message ?? shortMessage(redact(body, req.secrets)),
    // A 5xx may come after the work was done; a redirect is an answer we did not follow.
    maybeProcessed: (response.status >= 500 && !refusedUnprocessed) || response.status < 400,
  });
  return { ok: false, error, retry, waitMs: retryAfterMs ?? backoff(attempt) };
}

function withMaybeProcessed(error: ProviderError): ProviderError {
  const { kind, provider, method, path, status, cause, retryAfterMs, providerMessage } = error;
  return new ProviderError({ kind, provider, method, path, status, cause, retryAfterMs, providerMessage, maybeProcessed: true });
}

function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function buildUrl(req: ProviderRequest<unknown>): URL {
  const base = req.baseUrl.endsWith("/") ? req.baseUrl : `${req.baseUrl}/`;
  const url = new URL(req.path.replace(/^\//, ""), base);
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.set(key, String(value));
  }
  return url;
}

function requestHeaders(req: ProviderRequest<unknown>): Record<string, string> {
  return { accept: "application/json", ...contentType(req), ...req.headers };
}

function contentType(req: ProviderRequest<unknown>): Record<string, string> {
  if (req.json !== undefined) return { "content-type": "application/json" };
  if (req.form) return { "content-type": "application/x-www-form-urlencoded" };
  return {};
}

type Outgoing = { headers: Record<string, string>; body: string | Buffer | undefined };

/** The request's headers and body, encoded once for all its attempts (a form upload by fetch's own encoder). */
async function encodeBody(req: ProviderRequest<unknown>): Promise<Outgoing> {
  if (req.multipart) {
    const encoded = new Response(req.multipart);
    const body = Buffer.from(await encoded.arrayBuffer());
    const type = encoded.headers.get("content-type") ?? "multipart/form-data";
    return { headers: { accept: "application/json", "content-type": type, ...req.headers, "content-length": String(body.length) }, body };
  }
  const body = req.json !== undefined ? JSON.stringify(req.json) : req.form?.toString();
  const length: Record<string, string> = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
  return { headers: { ...requestHeaders(req), ...length }, body };
}

/**
 * One attempt over node:http(s) with a keep-alive agent. No redirect is followed (a 3xx is an answer). `cancelWith`
 * cuts the request and its body, whichever is under way, and the body's reader then fails with that reason.
 */
function nodeRequest(req: ProviderRequest<unknown>, url: URL, outgoing: Outgoing, cancelWith: (cancel: (reason: unknown) => void) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    let incoming: http.IncomingMessage | undefined;
    const request = (secure ? https : http).request(url, { method: req.method, headers: outgoing.headers, agent: agents[secure ? "https:" : "http:"] }, (res) => {
      incoming = res;
      resolve(nodeAnswer(res));
    });
    request.on("error", reject);
    cancelWith((reason) => {
      const error = reason instanceof Error ? reason : new DOMException("aborted", "AbortError");
      incoming?.destroy(error);
      request.destroy(error);
    });
    request.end(outgoing.body);
  });
}

function nodeAnswer(res: http.IncomingMessage): Answer {
  const status = res.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    text: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        res.on("error", reject);
        // A connection cut before the whole body came.
        res.on("close", () => {
          if (!res.complete) reject(Object.assign(new Error("the connection closed before the answer's end"), { code: "ECONNRESET" }));
        });
      }),
  };
}

function bodyFor(req: ProviderRequest<unknown>): BodyInit | undefined {
  if (req.json !== undefined) return JSON.stringify(req.json);
  return req.form ?? req.multipart;
}

function transportCause(error: unknown): UnavailableCause {
  const name = (error as { name?: string })?.name;
  return name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
}

function isConnectionRefused(error: unknown): boolean {
  type Refusal = { code?: string; errors?: { code?: string }[] };
  // node:http gives the socket's error itself, fetch its cause; with several addresses (IPv6 and IPv4) Node
  // reports an AggregateError that lists each refusal.
  return [error as Refusal, (error as { cause?: Refusal })?.cause].some(
    (e) => e?.code === "ECONNREFUSED" || (Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every((x) => x?.code === "ECONNREFUSED")),
  );
}

export function backoff(attempt: number): number {
  const base = 250 * 2 ** (attempt - 1);
  return base + Math.floor(Math.random() * base);
}

export function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Replaces each secret, raw or in any encoding a URL gives it (path, encodeURIComponent, query-string form), by `***`. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = new Set([secret, encodeURIComponent(secret), encodeURI(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join("***");
  }
  return out;
}

function fail(req: ProviderRequest<unknown>, init: Omit<ConstructorParameters<typeof ProviderError>[0], "provider" | "method" | "path">) {
  return new ProviderError({
    ...init,
    providerMessage: init.providerMessage ? redact(init.providerMessage, req.secrets) : undefined,
    provider: req.provider,
    method: req.method,
    path: pathWithQuery(req),
  });
}

/** The path and query as sent, with every secret already redacted; the path as given when the URL cannot be built. */
function pathWithQuery(req: ProviderRequest<unknown>): string {
  let url: URL;
  try {
    url = buildUrl(req);
  } catch {
    return redact(req.path, req.secrets);
  }
  const query = new URLSearchParams([...url.searchParams].map(([k, v]) => [redact(k, req.secrets), redact(v, req.secrets)]));
  return redact(url.pathname, req.secrets) + (query.size > 0 ? `?${query}` : "");
}

function log(req: ProviderRequest<unknown>, attempt: number, outcome: string, started: number): void {
  if (process.env.PROVIDER_LOG !== "1") return;
  const path = pathWithQuery(req);
  console.info(`[provider] ${req.provider} ${req.method} ${path} → ${outcome} in ${Date.now() - started} ms (try ${attempt})`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function shortMessage(body: string): string | undefined {
  const json = safeJson(body) as Record<string, unknown> | undefined;
  const candidate = json && (json.message ?? json.error ?? json.errors);
  const text = typeof candidate === "string" ? candidate : candidate ? JSON.stringify(candidate) : undefined;
  return text?.slice(0, 200);
}
