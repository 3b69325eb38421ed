// Node's own options for the app's web process, as `npm start` gives them (package.json's "start": the words
// between `node` and the script). The demo, the end-to-end server and the benchmarks start the app with the same,
// so that what they run and measure is what production runs.
import fs from "node:fs";
import path from "node:path";

/** The options before `scripts/start.mjs` in package.json's start script, e.g. ["--max-semi-space-size=64"]. */
export function startNodeFlags(root = process.cwd()): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: { start?: string } };
  const words = String(pkg.scripts?.start ?? "").split(/\s+/);
  const script = words.indexOf("scripts/start.mjs");
  if (words[0] !== "node" || script < 0) throw new Error('package.json\'s "start" is not `node [options] scripts/start.mjs`');
  return words.slice(1, script);
}
