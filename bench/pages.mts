// npm run bench:pages [-- --duration 30 --rounds 3 --connections 20 --port 3198 --database prozvon_bench_pages --cpu-prof DIR]
//
// Signed-in page throughput of the production build on PostgreSQL: one manager, a session cookie minted with
// the run's AUTH_SECRET, then autocannon against /profile, /campaigns and the app's trivial route
// (GET /api/bench/echo: answers 200, nothing else) taking turns in the same run, so that the machine's load hits
// them alike. Prints per route requests/s, p50/p95/p99, app CPU per request and the page's HTML size.
// Everything runs on 127.0.0.1 against a scratch database (dropped and created) and stops by itself.
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
const loadBefore = os.loadavg()[0] ?? 0;

if (!postgresAnswers()) {
  console.error("[bench] PostgreSQL is not answering on 127.0.0.1:5432 (pg_isready).");
  process.exit(1);
}
ensureBuild(root);

const secrets = throwawaySecrets();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pages-"));
const DATABASE_URL = await scratchDatabase(DATABASE);
const user = await seed();
const cookie = `${COOKIE}=${await encode({ token: { sub: user.id, uid: user.id, sv: user.sessionVersion }, secret: secrets.AUTH_SECRET, salt: COOKIE, maxAge: 12 * 60 * 60 })}`;
const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
const app = await startApp({ root, port: PORT, env: { DATA_DIR: dataDir, DATABASE_URL, ...secrets }, nodeArgs: profile });
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
  await stopProcess(app);
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

/** Migrations and one manager in the scratch database, before the app opens it. */
async function seed(): Promise<{ id: string; sessionVersion: number }> {
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

