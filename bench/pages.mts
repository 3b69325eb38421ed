// npm run bench:pages [-- --duration 30 --rounds 3 --connections 20 --port 3198 --database prozvon_bench_pages --cpu-prof DIR
//                         --baseline OTHER_CHECKOUT]
//
// Signed-in page throughput of the production build on PostgreSQL: one manager, a session cookie minted with
// the run's AUTH_SECRET, then autocannon against /profile, /campaigns and the app's trivial route
// (GET /api/bench/echo: answers 200, nothing else) taking turns in the same run, so that the machine's load hits
// them alike. Prints per route requests/s, p50/p95/p99, app CPU per request and the page's HTML size.
// Everything runs on 127.0.0.1 against a scratch database (dropped and created) and stops by itself.
// --baseline: a second checkout's build (e.g. a worktree of main) runs beside this one (port + 1, its own scratch
// database) and every route is measured on both in turn, so that a shared machine's load hits before and after alike.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { cpuSeconds, ensureBuild, HOST, postgresAnswers, scratchDatabase, startApp, stopProcess, throwawaySecrets } from "./app.mjs";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "20" },
    port: { type: "string", default: "3198" },
    rounds: { type: "string", default: "3" },
    database: { type: "string", default: "prozvon_bench_pages" },
    // Where the app writes a V8 CPU profile when it stops (node --cpu-prof): where a request's time goes.
    "cpu-prof": { type: "string" },
    baseline: { type: "string" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
const ROUNDS = Math.max(1, Number(values.rounds));
const DATABASE = values.database;
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error(`--database: a plain name, not ${DATABASE}`);
// The production cookie's name (useSecureCookies); Auth.js salts the token with it.
const COOKIE = "__Secure-authjs.session-token";
const ROUTES = [
  { name: "trivial route (GET /api/bench/echo)", path: "/api/bench/echo" },
  { name: "/profile", path: "/profile" },
  { name: "/campaigns", path: "/campaigns" },
];
const root = process.cwd();
const baselineRoot = values.baseline ? path.resolve(values.baseline) : undefined;
const loadBefore = os.loadavg()[0] ?? 0;

if (!postgresAnswers()) {
  console.error("[bench] PostgreSQL is not answering on 127.0.0.1:5432 (pg_isready).");
  process.exit(1);
}
ensureBuild(root);
if (baselineRoot) ensureBuild(baselineRoot);

type Tally = { seconds: number; ok: number; other: number; errors: number; latencies: number[]; cpuSeconds: number };
type Target = { name: string; root: string; port: number; databaseUrl: string; dataDir: string; cookie: string; app?: ChildProcess; tallies: Tally[]; sizes: string[] };
const secrets = throwawaySecrets();
const targets: Target[] = [];
for (const [name, checkout, port, database] of [
  ["", root, PORT, DATABASE],
  ...(baselineRoot ? [["baseline", baselineRoot, PORT + 1, `${DATABASE}_baseline`] as const] : []),
] as const) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pages-"));
  const databaseUrl = await scratchDatabase(database);
  const user = await seed(databaseUrl, dataDir);
  const token = await encode({ token: { sub: user.id, uid: user.id, sv: user.sessionVersion }, secret: secrets.AUTH_SECRET, salt: COOKIE, maxAge: 12 * 60 * 60 });
  targets.push({ name, root: checkout, port, databaseUrl, dataDir, cookie: `${COOKIE}=${token}`, tallies: ROUTES.map(() => ({ seconds: 0, ok: 0, other: 0, errors: 0, latencies: [], cpuSeconds: 0 })), sizes: [] });
}
const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
try {
  for (const target of targets) {
    target.app = await startApp({ root: target.root, port: target.port, env: { DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl, ...secrets }, nodeArgs: target.name ? [] : profile });
  }
  for (const target of targets) {
    for (const route of ROUTES) {
      const response = await fetch(`http://${HOST}:${target.port}${route.path}`, { headers: { cookie: target.cookie }, redirect: "manual" });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}: is the session cookie accepted?`);
      target.sizes.push(`${(body.length / 1024).toFixed(1)} KB (${(gzipSync(body).length / 1024).toFixed(1)} KB gzip)`);
      await load(target, route.path, 3, undefined); // warm-up: JIT, pools, the route's bundle
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, route] of ROUTES.entries()) {
      for (const target of targets) await load(target, route.path, DURATION / ROUNDS, target.tallies[i]);
    }
  }
} finally {
  for (const target of targets) {
    await stopProcess(target.app);
    fs.rmSync(target.dataDir, { recursive: true, force: true });
  }
}

console.info(`\nSigned-in pages, ${CONNECTIONS} connections, ${DURATION} s per route in ${ROUNDS} rounds, PostgreSQL, ${os.cpus().length} cores, load average before ${loadBefore.toFixed(2)}`);
console.table(
  ROUTES.flatMap((route, i) => targets.map((target) => ({ route, target, t: target.tallies[i] as Tally, size: target.sizes[i] }))).map(({ route, target, t, size }) => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
    const answered = t.ok + t.other;
    return {
      route: target.name ? `${route.name} (${target.name})` : route.name,
      "req/s": Math.round(answered / t.seconds),
      "p50 ms": at(0.5),
      "p95 ms": at(0.95),
      "p99 ms": at(0.99),
      "CPU ms/req": answered ? ((t.cpuSeconds * 1000) / answered).toFixed(1) : "-",
      "non-200": t.other,
      errors: t.errors,
      HTML: size,
    };
  }),
);

/** Migrations and one manager in the scratch database, before the app opens it. */
async function seed(DATABASE_URL: string, dataDir: string): Promise<{ id: string; sessionVersion: number }> {
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



/** One autocannon run added to a tally (none for the warm-up); latencies per request so that rounds add up. */
async function load(target: Target, route: string, duration: number, tally: Tally | undefined): Promise<void> {
  const cpuBefore = cpuSeconds(target.app?.pid);
  const result = await autocannon({
    url: `http://${HOST}:${target.port}${route}`,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: [
      {
        method: "GET",
        headers: { cookie: target.cookie },
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
  tally.cpuSeconds += cpuSeconds(target.app?.pid) - cpuBefore;
}

