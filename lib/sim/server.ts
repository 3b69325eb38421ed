import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { SimClock } from "@/lib/sim/clock";
import { FaultGate } from "@/lib/sim/faults";
import { RequestLog } from "@/lib/sim/request-log";
import { Rng } from "@/lib/sim/rng";
import type { OutcomeSettings, ProviderSim, SimContext, SimRequest, SimResponse } from "@/lib/sim/types";

export type SimServerOptions = {
  providers: ProviderSim[];
  port?: number;
  host?: string;
  clock?: SimClock;
  seed?: number;
  outcomes?: Partial<OutcomeSettings>;
  /** JSON file the state is saved to (every few seconds and on close) and restored from. */
  persistPath?: string;
  /** Real milliseconds between lifecycle ticks; 0 disables the ticker (tests tick by hand). */
  tickMs?: number;
};

export type SimServer = {
  url: string;
  port: number;
  ctx: SimContext;
  faults: FaultGate;
  log: RequestLog;
  tick(): Promise<void>;
  close(): Promise<void>;
};

const DEFAULT_OUTCOMES: OutcomeSettings = { answerRate: 0.6, busyRate: 0.15, minTalkSeconds: 5, maxTalkSeconds: 90 };

/** One HTTP server for all three simulated providers, each under its own prefix, plus `/_sim/` controls. */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const ctx: SimContext = {
    clock: options.clock ?? new SimClock(1),
    rng: new Rng(options.seed ?? 42),
    outcomes: { ...DEFAULT_OUTCOMES, ...options.outcomes },
    postJson,
  };
  const faults = new FaultGate();
  const log = new RequestLog();
  const providers = options.providers;
  if (options.persistPath) restore(providers, options.persistPath);

  let ticking: Promise<void> | undefined;
  const tick = async () => {
    ticking ??= (async () => {
      try {
        for (const p of providers) await p.tick?.(ctx);
      } finally {
        ticking = undefined;
      }
    })();
    await ticking;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error) => {
      console.error("[sim] handler error:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "simulator internal error" }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = req.headers.host ?? `127.0.0.1:${port}`;
    const url = new URL(req.url ?? "/", `http://${host}`);
    const body = await readBody(req);
    if (url.pathname.startsWith("/_sim/") || url.pathname === "/_sim") {
      return send(res, await control(url, req.method ?? "GET", body));
    }
    const provider = providers.find((p) => url.pathname === p.prefix || url.pathname.startsWith(`${p.prefix}/`));
    if (!provider) return send(res, { status: 404, body: { error: "no such simulated provider" } });

    const simReq: SimRequest = {
      method: req.method ?? "GET",
      path: url.pathname.slice(provider.prefix.length) || "/",
      query: url.searchParams,
      headers: req.headers as Record<string, string | undefined>,
      body,
      baseUrl: `http://${host}${provider.prefix}/`,
    };
    const account = provider.presentedKey(simReq) ?? "anonymous";
    const entry = log.start(provider, simReq);
    const verdict = await faults.enter(provider.provider, account, `${simReq.method} ${simReq.path}`);
    try {
      if (verdict.kind === "hang") {
        log.finish(entry, 0, "hang");
        req.socket.setTimeout(0);
        return; // never answers; the client's timeout must fire
      }
      if (verdict.kind === "reset") {
        log.finish(entry, 0, "reset");
        req.socket.destroy();
        return;
      }
      if (verdict.kind === "respond") {
        log.finish(entry, verdict.response.status, verdict.label);
        return send(res, verdict.response);
      }
      const response = await provider.handle(simReq, ctx);
      if (verdict.kind === "drop") {
        log.finish(entry, response.status, "drop");
        req.socket.destroy();
        return;
      }
      if (verdict.kind === "malformed" && response.status < 300) {
        log.finish(entry, response.status, "malformed");
        return send(res, { status: response.status, headers: { "content-type": "application/json" }, body: "{\"data\": [" });
      }
      log.finish(entry, response.status);
      send(res, response);
    } finally {
      verdict.release();
    }
  }

  async function control(url: URL, method: string, body: Buffer): Promise<SimResponse> {
    const parts = url.pathname.split("/").filter(Boolean).slice(1);
    const json = body.length ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
    const [area, name, action] = parts;
    if (area === "health") return { status: 200, body: { ok: true, providers: providers.map((p) => p.provider) } };
    if (area === "accounts") return { status: 200, body: Object.fromEntries(providers.map((p) => [p.provider, p.describeAccounts()])) };
    if (area === "log" && name) {
      if (method === "DELETE") {
        log.reset(name);
        return { status: 200, body: { ok: true } };
      }
      return { status: 200, body: log.entries(name) };
    }
    if (area === "faults" && name) {
      if (method === "DELETE") faults.reset(name);
      else if (method === "PUT" || method === "POST") faults.set(name, json);
      return { status: 200, body: faults.get(name) };
    }
    if (area === "outcomes" && (method === "PUT" || method === "POST")) {
      Object.assign(ctx.outcomes, json);
      return { status: 200, body: ctx.outcomes };
    }
    if (area === "clock" && name === "advance") {
      ctx.clock.advance(Number(json.ms ?? 0));
      await tick();
      return { status: 200, body: { now: ctx.clock.now() } };
    }
    if (area === "tick") {
      await tick();
      return { status: 200, body: { now: ctx.clock.now() } };
    }
    const provider = providers.find((p) => p.provider === area);
    if (provider && name) {
      const answer = provider.control?.(name + (action ? `/${action}` : ""), json, ctx);
      if (answer) return answer;
    }
    return { status: 404, body: { error: `unknown control ${url.pathname}` } };
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, options.host ?? "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });

  const tickMs = options.tickMs ?? 250;
  const ticker = tickMs > 0 ? setInterval(() => void tick().catch(() => {}), tickMs) : undefined;
  const saver =
    options.persistPath !== undefined
      ? setInterval(() => persist(providers, options.persistPath as string), 5_000)
      : undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    ctx,
    faults,
    log,
    tick,
    close: async () => {
      if (ticker) clearInterval(ticker);
      if (saver) clearInterval(saver);
      if (options.persistPath) persist(providers, options.persistPath);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, response: SimResponse): void {
  const headers = { ...response.headers };
  let payload: string | Buffer | undefined;
  if (response.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(response.body) || typeof response.body === "string") payload = response.body;
  else {
    payload = JSON.stringify(response.body);
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function postJson(url: string, body: unknown): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

function persist(providers: ProviderSim[], file: string): void {
  const state = Object.fromEntries(providers.map((p) => [p.provider, p.snapshot()]));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
  fs.renameSync(`${file}.tmp`, file);
}

function restore(providers: ProviderSim[], file: string): void {
  if (!fs.existsSync(file)) return;
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  for (const p of providers) if (state[p.provider] !== undefined) p.restore(state[p.provider]);
}
