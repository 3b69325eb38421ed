// What the benchmarks that drive the production build share: the build, a scratch PostgreSQL database, starting and
// stopping the app's web process (`npm start`: scripts/start.mjs with package.json's Node options) on 127.0.0.1 and
// `npm run worker` beside it, and each process's CPU time and memory read from /proc.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startNodeFlags } from "../scripts/start-flags.mjs";

export const HOST = "127.0.0.1";
const PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** Runs `next build` when there is no production build yet. */
export function ensureBuild(root: string): void {
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.info("[bench] no production build: running next build…");
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Whether PostgreSQL answers on 127.0.0.1:5432. */
export function postgresAnswers(): boolean {
  return spawnSync("pg_isready", ["-h", HOST, "-p", "5432"]).status === 0;
}

/** Drops and creates a scratch database on the local PostgreSQL; its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return `postgres://postgres@127.0.0.1:5432/${name}`;
}

/** Fresh secrets for one run, shared by the app and a benchmark that seals keys or signs in. */
export function throwawaySecrets(): { AUTH_SECRET: string; APP_ENCRYPTION_KEY: string } {
  return { AUTH_SECRET: randomBytes(32).toString("base64"), APP_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
}

/**
 * The app's web process as `npm start` runs it (scripts/start.mjs, Next's server, with the start script's Node
 * options) on 127.0.0.1 with BENCH_ROUTES, resolved once /api/health says ok (or, with `databaseOnly`, once the
 * database is up: without the queue health answers 503).
 */
export function startApp({
  root,
  port,
  env,
  databaseOnly = false,
  nodeArgs = [],
}: {
  root: string;
  port: number;
  env: Record<string, string>;
  databaseOnly?: boolean;
  /** Options for Node itself, e.g. --cpu-prof (which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}): Promise<ChildProcess> {
  // The server serves the build of its working directory: root's, not the caller's.
  const child = spawn(process.execPath, [...startNodeFlags(root), ...nodeArgs, path.join(root, "scripts", "start.mjs"), "-p", String(port), "-H", HOST], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      ...throwawaySecrets(),
      AUTH_TRUST_HOST: "1",
      BENCH_ROUTES: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`the app exited (${child.exitCode})`));
      const health = await fetch(`http://${HOST}:${port}/api/health`).then(
        async (r) => (await r.json()) as { ok: boolean; database: { ok: boolean } },
        () => undefined,
      );
      if (databaseOnly ? health?.database.ok === true : health?.ok === true) return resolve(child);
      if (Date.now() - started > 120_000) {
        child.kill("SIGKILL");
        return reject(new Error("the app did not become healthy in 2 minutes"));
      }
      setTimeout(poll, 500);
    };
    void poll();
  });
}

/**
 * `npm run worker` (scripts/worker.mts) as the production would run it beside an app started with JOB_WORKERS=off;
 * `env` as the app's (the database, the secrets). Resolves once it says its workers are running.
 */
export function startWorker({ root, env, nodeArgs = [] }: { root: string; env: Record<string, string>; nodeArgs?: string[] }): Promise<ChildProcess> {
  return startScriptProcess({ root, name: "worker", script: "worker.mts", args: [], env, nodeArgs, ready: "[worker] job workers running" });
}

/**
 * `npm run webhooks` (scripts/webhooks.mts): the webhook receiver alone on 127.0.0.1:`port`, as a load balancer's
 * webhook processes run it; `env` as the app's. Resolves once it listens.
 */
export function startWebhookReceiver({ root, port, env, nodeArgs = [] }: { root: string; port: number; env: Record<string, string>; nodeArgs?: string[] }): Promise<ChildProcess> {
  return startScriptProcess({ root, name: "webhook receiver", script: "webhooks.mts", args: ["-p", String(port), "-H", HOST], env, nodeArgs, ready: "[webhooks] receiver on" });
}

/**
 * One of the app's scripts run by Node itself, with tsx as a loader (as npm run does), so that the pid measured is
 * the script's. Resolves once its output has the `ready` line.
 */
function startScriptProcess({
  root,
  name,
  script,
  args,
  env,
  nodeArgs,
  ready,
}: {
  root: string;
  name: string;
  script: string;
  args: string[];
  env: Record<string, string>;
  nodeArgs: string[];
  ready: string;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "--conditions=react-server", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the ${name} did not start in 2 minutes`));
    }, 120_000);
    child.stdout?.on("data", (data) => {
      if (out.length < 10_000) out += String(data);
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${name} exited (${code})`));
    });
  });
}

/** SIGTERM, then SIGKILL after 15 s; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

type ProcStat = { ppid: number; ticks: number; rssPages: number };

function procStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rssPages: Number(fields[21]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return stats;
}

/** The process and its descendants, summed. */
function treeSum(pid: number | undefined, pick: (s: ProcStat) => number): number {
  if (pid === undefined || !fs.existsSync("/proc")) return 0;
  const stats = procStats();
  let sum = 0;
  const tree = [pid];
  while (tree.length > 0) {
    const current = tree.pop() as number;
    const own = stats.get(current);
    if (own) sum += pick(own);
    for (const [child, stat] of stats) if (stat.ppid === current) tree.push(child);
  }
  return sum;
}

/**
 * CPU seconds used so far by the app (the process and its children), from /proc. On a shared machine the
 * wall-clock figures move with the neighbours' load; CPU time per request does not, and on a machine of its own
 * the app is CPU-bound, so the ratio of CPU per request is the throughput ratio to expect.
 */
export function cpuSeconds(pid: number | undefined): number {
  return treeSum(pid, (s) => s.ticks) / 100;
}

/** Resident memory of the app (the process and its children), in bytes. */
export function rssBytes(pid: number | undefined): number {
  return treeSum(pid, (s) => s.rssPages) * 4096;
}

/** The q-quantile (0…1) of ascending numbers, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** One process's CPU time and memory over a run: taken at the start, sampled for the peak, read at the end. */
export class ProcessMeter {
  readonly cpuStart: number;
  readonly rssStart: number;
  rssPeak: number;
  /** Every sample taken, in order (the caller samples at a steady interval). */
  readonly samples: number[] = [];

  constructor(
    readonly name: string,
    readonly pid: number | undefined,
  ) {
    this.cpuStart = cpuSeconds(pid);
    this.rssStart = rssBytes(pid);
    this.rssPeak = this.rssStart;
  }

  /** The resident memory now, kept for the peak and the medians. */
  sample(): number {
    const rss = rssBytes(this.pid);
    this.rssPeak = Math.max(this.rssPeak, rss);
    this.samples.push(rss);
    return rss;
  }

  latest(): number {
    return this.samples.at(-1) ?? this.rssStart;
  }

  end(): { name: string; cpu: number; rssStart: number; rssEnd: number; rssPeak: number; samples: number[] } {
    const rssEnd = this.sample();
    return { name: this.name, cpu: cpuSeconds(this.pid) - this.cpuStart, rssStart: this.rssStart, rssEnd, rssPeak: this.rssPeak, samples: this.samples };
  }
}
