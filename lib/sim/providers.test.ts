import { afterAll, beforeAll, expect, it } from "vitest";
import { createAllSims } from "@/lib/sim/providers";
import { type SimServer, startSimServer } from "@/lib/sim/server";

let server: SimServer;

beforeAll(async () => {
  server = await startSimServer({ providers: createAllSims({ demoData: false }), port: 0, tickMs: 0 });
});
afterAll(() => server.close());

it("serves all three providers and answers its health check", async () => {
  const health = await fetch(`${server.url}/_sim/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true, providers: ["calldron", "calldog", "obzvonilka"] });
});

it.each([
  ["calldron", "GET", "/calldron/v1/batches", undefined],
  ["calldog", "POST", "/calldog/apiCalls/userInfo", "{}"],
  ["obzvonilka", "GET", "/obzvonilka/api/users.json", undefined],
])("%s refuses a request without a key", async (_provider, method, path, body) => {
  const response = await fetch(`${server.url}${path}`, { method, body, headers: body ? { "content-type": "application/json" } : {} });
  expect([401, 403]).toContain(response.status);
});
