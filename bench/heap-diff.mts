// tsx bench/heap-diff.mts <before.heapsnapshot> <after.heapsnapshot> [--top 25]
// What grew between two V8 heap snapshots of one process (e.g. `npm run bench:load -- --heap-snapshots <dir>`): the
// retained count and shallow size per constructor (or kind, for strings, arrays, code…) in each, biggest growth first.
import fs from "node:fs";
import { parseArgs } from "node:util";

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };

const { values, positionals } = parseArgs({ options: { top: { type: "string", default: "25" } }, allowPositionals: true });
const [beforeFile, afterFile] = positionals;
if (!beforeFile || !afterFile) {
  console.error("usage: tsx bench/heap-diff.mts <before.heapsnapshot> <after.heapsnapshot> [--top 25]");
  process.exit(2);
}

/** Per constructor name (objects, closures) or node type (strings, arrays, code, …): count and shallow bytes. */
function tally(file: string): Map<string, { count: number; bytes: number }> {
  const heap = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f)) as [number, number, number];
  const groups = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt] as number] ?? "?";
    const key = type === "object" || type === "closure" ? `${type} ${heap.strings[heap.nodes[i + nameAt] as number]}` : `(${type})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += heap.nodes[i + sizeAt] as number;
    groups.set(key, group);
  }
  return groups;
}

const before = tally(beforeFile);
const after = tally(afterFile);
const sum = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((n, g) => n + g.bytes, 0);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
console.info(`heap: ${mb(sum(before))} MB → ${mb(sum(after))} MB (shallow sizes of every node)\n`);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const b = before.get(key) ?? { count: 0, bytes: 0 };
  const a = after.get(key) ?? { count: 0, bytes: 0 };
  return { key, count: a.count - b.count, bytes: a.bytes - b.bytes, after: a };
});
console.info("| constructor or kind | count Δ | MB Δ | count after | MB after |");
console.info("|---|---|---|---|---|");
for (const r of rows.sort((x, y) => y.bytes - x.bytes).slice(0, Number(values.top)))
  console.info(`| ${r.key.slice(0, 60)} | ${r.count} | ${mb(r.bytes)} | ${r.after.count} | ${mb(r.after.bytes)} |`);
