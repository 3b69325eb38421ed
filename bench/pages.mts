// npm run bench:pages [-- --duration 30 --rounds 3 --connections 20 --port 3198 --database prozvon_bench_pages --cpu-prof DIR]
//
// Signed-in page throughput of the production build on PostgreSQL: one manager, a session cookie minted with
// the run's AUTH_SECRET, then autocannon against /profile, /campaigns and the app's trivial route
// (GET /api/bench/echo: answers 200, nothing else) taking turns in the same run, so that the machine's load hits
// them alike. Prints per route requests/s, p50/p95/p99, app CPU per request and the page's HTML size.
// Everything runs on 127.0.0.1 against a scratch database (dropped and created) and stops by itself.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "20" },
    port: { type: "string", default: "3198" },
    rounds: { type: "string", default: "3" },
    database: { type: "string", default: "prozvon_bench_pages" },
    // Where the app writes a V8 CPU profile when it stops (node --cpu-prof): where a request's time goes.
    "cpu-prof": { type: "string" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
const ROUNDS = Math.max(1, Number(values.rounds));
const DATABASE = values.database;
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error(`--database: a plain name, not ${DATABASE}`);
const HOST = "127.0.0.1";
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
// The production cookie's name (useSecureCookies); Auth.js salts the token with it.
const COOKIE = "__Secure-authjs.session-token";
const ROUTES = [
  { name: "trivial route (GET /api/bench/echo)", path: "/api/bench/echo" },
  { name: "/profile", path: "/profile" },
  { name: "/campaigns", path: "/campaigns" },
];
const root = process.cwd();
const loadBefore = os.loadavg()[0] ?? 0;

if (spawnSync("pg_isready", ["-h", HOST, "-p", "5432"]).status !== 0) {
  console.error("[bench] PostgreSQL is not answering on 127.0.0.1:5432 (pg_isready).");
  process.exit(1);
}
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.info("[bench] no production build: running next build…");
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const secret = randomBytes(32).toString("base64");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pages-"));
const user = await seed();
const cookie = `${COOKIE}=${await encode({ token: { sub: user.id, uid: user.id, sv: user.sessionVersion }, secret, salt: COOKIE, maxAge: 12 * 60 * 60 })}`;
const app = await startApp();
type Tally = { seconds: number; ok: number; other: number; errors: number; latencies: number[]; cpuSeconds: number };
const tallies = ROUTES.map((): Tally => ({ seconds: 0, ok: 0, other: 0, errors: 0, latencies: [], cpuSeconds: 0 }));
const sizes: string[] = [];
try {
  for (const route of ROUTES) {
    const response = await fetch(`http://${HOST}:${PORT}${route.path}`, { headers: { cookie }, redirect: "manual" });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}: is the session cookie accepted?`);
    sizes.push(`${(body.length / 1024).toFixed(1)} KB (${(gzipSync(body).length / 1024).toFixed(1)} KB gzip)`);
    await load(route.path, 3, CONNECTIONS, undefined); // warm-up: JIT, pools, the route's bundle
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, route] of ROUTES.entries()) await load(route.path, DURATION / ROUNDS, CONNECTIONS, tallies[i]);
  }
} finally {
  await stopApp(app);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.info(`\nSigned-in pages, ${CONNECTIONS} connections, ${DURATION} s per route in ${ROUNDS} rounds, PostgreSQL, ${os.cpus().length} cores, load average before ${loadBefore.toFixed(2)}`);
console.table(
  ROUTES.map((route, i) => {
    const t = tallies[i] as Tally;
    const sorted = [...t.latencies].sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
    const answered = t.ok + t.other;
    return {
      route: route.name,
      "req/s": Math.round(answered / t.seconds),
      "p50 ms": at(0.5),
      "p95 ms": at(0.95),
      "p99 ms": at(0.99),
      "CPU ms/req": answered ? ((t.cpuSeconds * 1000) / answered).toFixed(1) : "-",
      "non-200": t.other,
      errors: t.errors,
      HTML: sizes[i],
    };
  }),
);

/** Migrations and one manager, before the app opens the database. */
async function seed(): Promise<{ id: string; sessionVersion: number }> {
  const admin = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL });
  const { openPostgres } = await import("@/lib/db/client");
  const { runMigrations } = await import("@/lib/db/migrate");
  const handle = openPostgres(DATABASE_URL);
  await runMigrations(handle);
  // The password is never used: the session is minted, not signed in.
  const { rows } = await handle.raw.query<{ id: string; session_version: number }>(
    "insert into users (email, name, password_hash, role) values ('bench@example.test', 'Bench', 'x', 'manager') returning id, session_version",
  );
  await handle.raw.close();
  const row = rows[0];
  if (!row) throw new Error("no user inserted");
  return { id: row.id, sessionVersion: row.session_version };
}

function startApp(): Promise<ChildProcess> {
  const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...profile, next, "start", "-p", String(PORT), "-H", HOST], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DATABASE_URL,
      AUTH_SECRET: secret,
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      AUTH_TRUST_HOST: "1",
      BENCH_ROUTES: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`the app exited (${child.exitCode})`));
      const ok = await fetch(`http://${HOST}:${PORT}/api/health`).then(
        async (r) => ((await r.json()) as { ok: boolean }).ok,
        () => false,
      );
      if (ok) return resolve(child);
      if (Date.now() - started > 120_000) return reject(new Error("the app did not become healthy in 2 minutes"));
      setTimeout(poll, 500);
    };
    void poll();
  });
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** One autocannon run added to a tally (none for the warm-up); latencies per request so that rounds add up. */
async function load(route: string, duration: number, connections: number, tally: Tally | undefined): Promise<void> {
  const cpuBefore = cpuSeconds(app.pid);
  const result = await autocannon({
    url: `http://${HOST}:${PORT}${route}`,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: "GET",
        headers: { cookie },
        setupRequest(request, context) {
          context.start = performance.now();
          return request;
        },
        onResponse(status, _body, context) {
          if (!tally) return;
          tally.latencies.push(performance.now() - (context.start as number));
          if (status === 200) tally.ok++;
          else tally.other++;
        },
      },
    ],
  });
  if (!tally) return;
  tally.seconds += result.duration;
  tally.errors += result.errors;
  tally.cpuSeconds += cpuSeconds(app.pid) - cpuBefore;
}

/** CPU seconds used so far by the app (the process and its children), from /proc; see bench/webhooks.mts. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined || !fs.existsSync("/proc")) return 0;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  const tree = [pid];
  while (tree.length > 0) {
    const current = tree.pop() as number;
    ticks += stats.get(current)?.ticks ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === current) tree.push(child);
  }
  return ticks / 100;
}
