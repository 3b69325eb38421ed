import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageFiles } from "@/lib/i18n/messages";

/**
 * Client components get only the message namespaces that their page or layout hands them through
 * `<ClientMessages namespaces={[…]}>` (components/i18n/client-messages.tsx). This reads the source: for every
 * route file under app/ it follows the imports, marks what is client code (a "use client" file and all it
 * imports), collects the namespaces that code translates with, and compares them with the namespaces of the
 * provider around the file — the file's own `<ClientMessages>`, else the nearest layout's at or above its folder.
 * React Query is kept off the first load: client code that uses it must be reached only through `lazyWithQuery(() =>
 * import(…))` (components/query/lazy-with-query.tsx), which loads it after the page with its own query client provider.
 */
const root = path.resolve(import.meta.dirname, "../..");
const ROUTE_FILES = /^(page|layout|error|loading|not-found|forbidden|template|default)\.tsx$/;
const known = new Set(Object.values(messageFiles.en).flatMap((file) => Object.keys(file)));

type Scan = { client: boolean; needs: Set<string>; imports: string[]; bounded: Set<string>; provides?: string[]; query: boolean };
const scans = new Map<string, Scan>();

describe("messages handed to client components", () => {
  const routes = routeFiles(path.join(root, "app"));
  const report = routes.map((file) => ({ file: rel(file), ...check(file) }));

  it("finds the route files and their providers", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(report.filter((r) => r.provider).length).toBeGreaterThan(5);
  });

  it.each(report.map((r) => [r.file, r] as const))("%s: every namespace its client components use is provided", (_file, r) => {
    expect({ provider: r.provider, missing: r.missing }).toEqual({ provider: r.provider, missing: [] });
  });

  it.each(report.map((r) => [r.file, r] as const))("%s: client code reaches React Query only through lazyWithQuery", (_file, r) => {
    expect(r.queryWithoutBoundary).toEqual([]);
  });

  it("finds the React Query parts behind their boundaries", () => {
    expect(report.filter((r) => r.queryBehindBoundary).length).toBeGreaterThan(10);
  });

  it("provides only namespaces that exist, each used by a client component it covers", () => {
    const providers = new Map<string, { provides: string[]; used: Set<string> }>();
    for (const r of report) {
      if (!r.provider) continue;
      const entry = providers.get(r.provider) ?? { provides: r.provides, used: new Set<string>() };
      for (const ns of r.needs) entry.used.add(ns);
      providers.set(r.provider, entry);
    }
    const unused = [...providers].flatMap(([file, { provides, used }]) => provides.filter((ns) => !used.has(ns)).map((ns) => `${file}: ${ns}`));
    const unknown = [...providers].flatMap(([file, { provides }]) => provides.filter((ns) => !known.has(ns)).map((ns) => `${file}: ${ns}`));
    expect({ unused, unknown }).toEqual({ unused: [], unknown: [] });
  });

  it("reads a client component's namespaces from its source", () => {
    const source = `"use client";
      const t = useTranslations("calldogIvr.handlers"); const all = useTranslations();
      all("nav.roles.admin"); all.has(\`connections.results.\${x}\`); t("x"); useActionMessages();`;
    expect([...namespacesIn(source)].sort()).toEqual(["calldogIvr", "connections", "errors", "nav"]);
  });
});

/** The route file's provider and what its client code needs but does not get. */
function check(file: string): {
  provider?: string;
  provides: string[];
  needs: string[];
  missing: string[];
  queryWithoutBoundary: string[];
  queryBehindBoundary: boolean;
} {
  const needs = new Set<string>();
  const queryWithoutBoundary = new Set<string>();
  let queryBehindBoundary = false;
  const seen = new Set<string>();
  // Namespaces are collected through every import (the lazy parts render under the same provider); React Query counts
  // only up to a lazyWithQuery import.
  const visit = (f: string, client: boolean, behind: boolean) => {
    const key = `${f}|${client}|${behind}`;
    if (seen.has(key)) return;
    seen.add(key);
    const s = scan(f);
    const isClient = client || s.client;
    if (isClient) for (const ns of s.needs) needs.add(ns);
    if (isClient && s.query) {
      if (behind) queryBehindBoundary = true;
      else queryWithoutBoundary.add(rel(f));
    }
    for (const dep of s.imports) visit(dep, isClient, behind || s.bounded.has(dep));
  };
  visit(file, false, false);
  const providerFile = [file, ...layoutsAbove(file)].find((f) => scan(f).provides);
  const provides = providerFile ? (scan(providerFile).provides ?? []) : [];
  return {
    provider: providerFile && rel(providerFile),
    provides,
    needs: [...needs].sort(),
    missing: [...needs].filter((ns) => !provides.includes(ns)).sort(),
    queryWithoutBoundary: [...queryWithoutBoundary].sort(),
    queryBehindBoundary,
  };
}

/** Layouts whose provider may wrap the file: its own folder's (unless it is that layout) and every folder above, up to app/. */
function layoutsAbove(file: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(file);
  const appDir = path.join(root, "app");
  for (;;) {
    const layout = path.join(dir, "layout.tsx");
    if (layout !== file && fs.existsSync(layout)) out.push(layout);
    if (dir === appDir) return out;
    dir = path.dirname(dir);
  }
}

function scan(file: string): Scan {
  const cached = scans.get(file);
  if (cached) return cached;
  const source = fs.readFileSync(file, "utf8");
  const imports: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const resolved = resolveImport(file, (match[1] ?? match[2]) as string);
    if (resolved) imports.push(resolved);
  }
  const bounded = new Set<string>();
  for (const match of source.matchAll(/lazyWithQuery\(\s*\(\)\s*=>\s*import\(\s*["']([^"']+)["']\s*\)/g)) {
    const resolved = resolveImport(file, match[1] as string);
    if (resolved) bounded.add(resolved);
  }
  const provider = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/.exec(source);
  const result: Scan = {
    client: /^\s*["']use client["']/.test(source),
    needs: namespacesIn(source),
    imports,
    bounded,
    provides: provider ? [...(provider[1] as string).matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string) : undefined,
    // A type-only import costs nothing; the query boundary itself is the provider.
    query: /^import\s+(?!type\b)[^;]*from\s+["']@tanstack\/react-query["']/m.test(source) && !/<QueryClientProvider\b/.test(source),
  };
  scans.set(file, result);
  return result;
}

/** The namespaces a source translates with: `useTranslations("ns…")`, keys of `useTranslations()`, and `errors` for action messages. */
function namespacesIn(source: string): Set<string> {
  const found = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*["'`]([A-Za-z0-9_]+)/g)) found.add(m[1] as string);
  for (const m of source.matchAll(/(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    const call = new RegExp(`\\b${m[1]}(?:\\.(?:rich|has|markup|raw))?\\(\\s*["'\`]([A-Za-z0-9_]+)\\.`, "g");
    for (const k of source.matchAll(call)) found.add(k[1] as string);
  }
  if (/\buseActionMessages\(/.test(source)) found.add("errors");
  return found;
}

function resolveImport(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return undefined;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" && dir.endsWith("app") ? [] : routeFiles(full);
    return ROUTE_FILES.test(entry.name) ? [full] : [];
  });
}

function rel(file: string): string {
  return path.relative(root, file);
}
