import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * Every route handler under app/api, found on disk, with how it may be reached. A route added without an
 * entry here fails this suite. `session`: any enabled user who has no temporary password to change;
 * `fixture`: the e2e server's seeding, 404 unless E2E_FIXTURES (and then for an admin only); `bench`: 404
 * unless BENCH_ROUTES; `token`: no session, the secret token in the path is the credential; `public`: on
 * purpose (health for load balancers, Auth.js's own sign-in endpoints).
 */
const ACCESS: Record<string, "session" | "fixture" | "bench" | "token" | "public"> = {
  "audio/[id]": "session",
  "auth/[...nextauth]": "public",
  "bench/echo": "bench",
  "calldron/[connectionId]/batches/[batchId]/intro": "session",
  "calls/export": "session",
  "dnc/export": "session",
  "e2e/calldog-campaigns": "fixture",
  health: "public",
  "imports/[id]/report": "session",
  imports: "session",
  "obzvonilka/[connectionId]/bases/[baseId]/contacts": "session",
  "recordings/calldog/[callId]": "session",
  "recordings/calldron/[connectionId]/[batchId]/[callId]": "session",
  "testing/overview-fixture": "fixture",
  "uploads/audio": "session",
  "webhooks/calldog/[token]": "token",
};

const state = vi.hoisted(() => ({
  session: null as null | { uid: string; sv: number },
  user: null as null | Record<string, unknown>,
  dbCalls: 0,
}));

vi.mock("@/app/(auth)/auth", () => ({ GET: async () => new Response(), POST: async () => new Response() }));
vi.mock("@/lib/auth/session-claims", () => ({ sessionClaims: async () => state.session, sessionTokenFrom: () => "token" }));
vi.mock("@/lib/secrets", () => ({ secrets: () => ({ authSecret: "s", encryptionKey: "", oldEncryptionKeys: [] }) }));
vi.mock("@/lib/db/queries/users", () => ({ findUserById: async () => state.user }));
vi.mock("react", async (importOriginal) => ({ ...(await importOriginal<object>()), cache: <T>(fn: T) => fn }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {} }), headers: async () => new Headers() }));
// Any database access past the user lookup means the handler's body ran: counted, and refused.
vi.mock("@/lib/db/client", () => {
  const reached = async () => {
    state.dbCalls++;
    throw new Error("database reached");
  };
  return { db: reached, getDb: reached };
});

const API = path.join(import.meta.dirname);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const UUID = "00000000-0000-4000-8000-0000000000aa";

function routeFiles(dir = API): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API, path.dirname(full))] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function handlers(route: string): Promise<[string, Handler][]> {
  const mod = (await import(/* @vite-ignore */ path.join(API, route, "route.ts"))) as Record<string, unknown>;
  return METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]);
}

/** Calls a handler as Next would, with well-formed values for the path's dynamic segments. */
async function call(route: string, method: string, handler: Handler): Promise<{ status: number } | "threw"> {
  const params: Record<string, string> = {};
  for (const [, name = ""] of route.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)) params[name] = name === "token" ? "not-a-token" : UUID;
  const url = `http://localhost/api/${route.replace(/\[(?:\.\.\.)?(\w+)\]/g, UUID)}`;
  const request = new Request(url, { method, headers: { "content-type": "application/json", "content-length": "2", "x-file-name": "a.mp3" }, body: method === "GET" ? undefined : "{}" });
  try {
    return await handler(request, { params: Promise.resolve(params) });
  } catch {
    return "threw";
  }
}

const userRow = (patch: Record<string, unknown> = {}) => ({
  id: UUID,
  email: "u@x.test",
  name: "",
  role: "manager",
  locale: null,
  timeZone: null,
  disabled: false,
  sessionVersion: 1,
  mustChangePassword: false,
  ...patch,
});

const visitors = {
  anonymous: () => {
    state.session = null;
    state.user = null;
  },
  "a disabled user": () => {
    state.session = { uid: UUID, sv: 1 };
    state.user = userRow({ disabled: true });
  },
  "a user whose sessions were invalidated": () => {
    state.session = { uid: UUID, sv: 1 };
    state.user = userRow({ sessionVersion: 2 });
  },
  "a user with a temporary password to change": () => {
    state.session = { uid: UUID, sv: 1 };
    state.user = userRow({ mustChangePassword: true });
  },
};

beforeEach(() => {
  state.dbCalls = 0;
  vi.unstubAllEnvs();
});

describe("authorisation matrix of every route handler", () => {
  it("knows every route under app/api", () => {
    expect(routeFiles().sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it.each(Object.keys(visitors))("%s is refused by every session route (401) before its body touches the database", async (who) => {
    visitors[who as keyof typeof visitors]();
    for (const route of Object.keys(ACCESS).filter((r) => ACCESS[r] === "session")) {
      for (const [method, handler] of await handlers(route)) {
        state.dbCalls = 0;
        const result = await call(route, method, handler);
        expect(result === "threw" ? "threw" : result.status, `${method} /api/${route}`).toBe(401);
        expect(state.dbCalls, `${method} /api/${route} reached the database`).toBe(0);
      }
    }
  });

  it("an enabled user gets past the session check of every session route", async () => {
    state.session = { uid: UUID, sv: 1 };
    state.user = userRow();
    for (const route of Object.keys(ACCESS).filter((r) => ACCESS[r] === "session")) {
      for (const [method, handler] of await handlers(route)) {
        const result = await call(route, method, handler);
        if (result !== "threw") expect(result.status, `${method} /api/${route}`).not.toBe(401);
      }
    }
  });

  it("the e2e fixtures and the bench route do not exist unless their switch is on; the fixtures are for admins only", async () => {
    vi.stubEnv("E2E_FIXTURES", "");
    vi.stubEnv("BENCH_ROUTES", "");
    const { resetEnvCache } = await import("@/lib/env");
    resetEnvCache();
    for (const [who, set] of [["an admin", () => visitors.anonymous()], ...Object.entries(visitors)] as const) {
      set();
      if (who === "an admin") {
        state.session = { uid: UUID, sv: 1 };
        state.user = userRow({ role: "admin" });
      }
      for (const route of Object.keys(ACCESS).filter((r) => ACCESS[r] === "fixture" || ACCESS[r] === "bench")) {
        for (const [method, handler] of await handlers(route)) {
          const result = await call(route, method, handler);
          expect(result === "threw" ? "threw" : result.status, `${method} /api/${route} as ${who}`).toBe(404);
        }
      }
    }
    vi.stubEnv("E2E_FIXTURES", "1");
    resetEnvCache();
    state.session = { uid: UUID, sv: 1 };
    state.user = userRow({ role: "manager" });
    for (const route of Object.keys(ACCESS).filter((r) => ACCESS[r] === "fixture")) {
      for (const [method, handler] of await handlers(route)) {
        const result = await call(route, method, handler);
        expect(result === "threw" ? "threw" : result.status, `${method} /api/${route} as a manager`).toBeOneOf([403, 404]);
        expect(state.dbCalls).toBe(0);
      }
    }
    resetEnvCache();
  });

  it("a webhook receiver with a malformed token answers 404 without a session or a database look-up", async () => {
    visitors.anonymous();
    for (const route of Object.keys(ACCESS).filter((r) => ACCESS[r] === "token")) {
      for (const [method, handler] of await handlers(route)) {
        const result = await call(route, method, handler);
        expect(result === "threw" ? "threw" : result.status, `${method} /api/${route}`).toBe(404);
        expect(state.dbCalls).toBe(0);
      }
    }
  });
});
