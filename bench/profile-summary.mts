// tsx bench/profile-summary.mts <file.cpuprofile> [--top 25]
// Where a V8 CPU profile's time went (e.g. the app's during `npm run bench:load -- --profile <dir>`): self time
// by area (Next's server runtime, React's renderer, next-intl, pg, the app's own chunks…), by script and by function.
import fs from "node:fs";
import { parseArgs } from "node:util";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({ options: { top: { type: "string", default: "25" } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error("usage: tsx bench/profile-summary.mts <file.cpuprofile> [--top 25]");
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const TOP = Number(values.top);

// Self time per node: the time deltas of the samples that landed in it.
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const totalUs = profile.endTime - profile.startTime;
const idle = profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").reduce((us, n) => us + (selfUs.get(n.id) ?? 0), 0);
const busyUs = totalUs - idle;

function area(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native / V8)";
  if (url.startsWith("node:")) return "node: built-ins";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg === "next") {
    if (/app-page.*runtime/.test(url)) return "next: app-page runtime (React server rendering, RSC)";
    return "next: server";
  }
  if (pkg) return pkg;
  if (url.includes("/.next/server/chunks/ssr/")) return "app: page chunks (.next/server/chunks/ssr)";
  if (url.includes("/.next/server/")) return "app: server chunks (.next/server)";
  return "other";
}

const byArea = new Map<string, number>();
const byScript = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us || node.callFrame.functionName === "(idle)") continue;
  const { url, functionName, lineNumber } = node.callFrame;
  const short = url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + us);
  add(byArea, area(url, functionName));
  add(byScript, short || functionName);
  add(byFunction, `${functionName || "(anonymous)"}  ${short.split("/").slice(-2).join("/")}:${lineNumber + 1}`);
}

const pct = (us: number) => `${((us / busyUs) * 100).toFixed(1).padStart(5)} %`;
const show = (title: string, map: Map<string, number>, top: number) => {
  console.info(`\n${title}`);
  for (const [key, us] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.info(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
};
console.info(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled, ${(busyUs / 1e6).toFixed(1)} s busy (shares below are of the busy time)`);
show("self time by area", byArea, TOP);
show("self time by script", byScript, TOP);
show("self time by function", byFunction, TOP);
