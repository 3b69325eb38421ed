// Starts the simulators and the production build of the app side by side, and stops both together.
//   npm run demo                → build if stale, simulators with demo data, app in demo mode on :3000
//   tsx scripts/serve.mts --e2e → what Playwright's webServer runs: a fresh app database (no demo users), simulators with demo data
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startNodeFlags } from "./start-flags.mjs";

const { values } = parseArgs({
  options: {
    e2e: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "no-build": { type: "boolean", default: false },
  },
});

const root = process.cwd();
const e2e = values.e2e;
const dataDir = path.resolve(process.env.DATA_DIR ?? (e2e ? ".data/e2e" : ".data"));
const simPort = process.env.SIM_PORT ?? (e2e ? "4011" : "4010");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

if (e2e) fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

if (!values["no-build"] && buildIsStale()) {
  console.info("[serve] building the app (next build)…");
  const build = spawnSync(bin("next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children: ChildProcess[] = [];

// Each process logs to its own file (the end-to-end suite searches the app's log for leaked keys).
function start(name: string, command: string, args: string[], env: Record<string, string>) {
  const logFile = fs.createWriteStream(path.join(dataDir, `${name}.log`));
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      logFile?.write(text);
      for (const line of text.split("\n")) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.on("exit", (code) => {
    console.info(`[serve] ${name} exited (${code ?? "signal"}); stopping.`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

start("sim", bin("tsx"), ["scripts/sim.mts", "--demo"], {
  SIM_PORT: simPort,
  SIM_TIME_SCALE: process.env.SIM_TIME_SCALE ?? (e2e ? "60" : "30"),
  DATA_DIR: dataDir,
});
// scripts/start.mjs is `next start` plus the socket's address for the sign-in limit (lib/request-ip.ts).
start("app", process.execPath, [...startNodeFlags(), "scripts/start.mjs", "-p", values.port], {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  SIM_PORT: simPort,
  // So that the simulator's Calldog webhooks reach this app (an operator's own setting wins).
  APP_PUBLIC_URL: process.env.APP_PUBLIC_URL ?? `http://127.0.0.1:${values.port}`,
  // The simulators listen on 127.0.0.1: a production start refuses a loopback base URL without this (lib/providers/base-url.ts).
  ALLOW_LOOPBACK_PROVIDERS: "1",
  // The end-to-end run is a production start: it gets throw-away secrets, as an operator would set them.
  ...(e2e
    ? {
        AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
        APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
        AUTH_TRUST_HOST: "1",
        E2E_FIXTURES: "1",
      }
    : { PROZVON_DEMO: "1", AUTH_TRUST_HOST: "1" }),
});

console.info(`[serve] app on http://localhost:${values.port}, simulators on http://127.0.0.1:${simPort}`);

let stopping = false;
function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const newest = (dir: string): number => {
    let max = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) max = Math.max(max, newest(full));
      else max = Math.max(max, fs.statSync(full).mtimeMs);
    }
    return max;
  };
  return ["app", "components", "lib", "proxy.ts", "next.config.mjs", "package.json"].some((p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return false;
    return (fs.statSync(full).isDirectory() ? newest(full) : fs.statSync(full).mtimeMs) > built;
  });
}
