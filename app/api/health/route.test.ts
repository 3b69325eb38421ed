import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { GET } from "./route";

const globalForDb = globalThis as unknown as { __prozvonDb?: Promise<unknown> };
const saved = process.env.DATABASE_URL;

afterEach(async () => {
  vi.useRealTimers();
  await closeDb().catch(() => {});
});
afterAll(() => {
  process.env.DATABASE_URL = saved;
  resetEnvCache();
});

describe("/api/health while the database is away", () => {
  it("answers 503 database_unavailable, with the driver's code and a Retry-After, for a server that refuses connections", async () => {
    // A real pool to a port nobody listens on: what a stopped PostgreSQL looks like to the app.
    process.env.DATABASE_URL = "postgres://nobody:secret-password@127.0.0.1:9/prozvon";
    resetEnvCache();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body).toEqual({ ok: false, status: "database_unavailable", database: { ok: false, status: "unavailable", code: "ECONNREFUSED" }, queue: { ok: false, state: "stopped" } });
    expect(JSON.stringify(body)).not.toMatch(/secret-password|nobody|127\.0\.0\.1/);
  });

  it("counts a database that does not answer within 3 s as unavailable (an unreachable host hangs)", async () => {
    vi.useFakeTimers();
    globalForDb.__prozvonDb = Promise.resolve({ raw: { kind: "postgres", query: () => new Promise(() => {}), close: async () => {} } });
    const answer = GET();
    await vi.advanceTimersByTimeAsync(3_000);
    const response = await answer;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "database_unavailable", database: { ok: false, status: "unavailable", code: "ETIMEDOUT" } });
  });

  it("tells another database error (not an outage) apart, without its message, and a working database with no queue", async () => {
    const failing = { kind: "postgres", query: async () => Promise.reject(Object.assign(new Error("permission denied for table x"), { code: "42501" })), close: async () => {} };
    globalForDb.__prozvonDb = Promise.resolve({ raw: failing });
    const refused = await GET();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(await refused.json()).toMatchObject({ status: "database_error", database: { ok: false, status: "error" } });

    globalForDb.__prozvonDb = Promise.resolve({ raw: { kind: "postgres", query: async () => ({ rows: [{}] }), close: async () => {} } });
    const noQueue = await GET();
    expect(noQueue.status).toBe(503);
    expect(await noQueue.json()).toMatchObject({ status: "queue_down", database: { ok: true, driver: "postgres" } });
  });
});
