// Prints each route's first-load JavaScript (gzip) from the build's own route statistics, and fails
// when any route is over the budget. Run after `next build`.
import fs from "node:fs";
import zlib from "node:zlib";

const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 150);
const statsPath = ".next/diagnostics/route-bundle-stats.json";
if (!fs.existsSync(statsPath)) {
  console.error(`${statsPath} is missing: run "next build" first.`);
  process.exit(1);
}
const routes = JSON.parse(fs.readFileSync(statsPath, "utf8"));
const gzipCache = new Map();
const gzipSize = (file) => {
  if (!gzipCache.has(file)) gzipCache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
};

let over = 0;
console.log(`First-load JS per route (gzip), budget ${BUDGET_KB} KB:`);
for (const { route, firstLoadChunkPaths } of routes.sort((a, b) => a.route.localeCompare(b.route))) {
  const kb = firstLoadChunkPaths.reduce((sum, file) => sum + gzipSize(file), 0) / 1024;
  const flag = kb > BUDGET_KB ? "  OVER BUDGET" : "";
  if (flag) over++;
  console.log(`  ${route.padEnd(32)} ${kb.toFixed(1).padStart(7)} KB${flag}`);
}
if (routes.length === 0) {
  console.error("No routes found in the build statistics.");
  process.exit(1);
}
process.exit(over > 0 ? 1 : 0);
