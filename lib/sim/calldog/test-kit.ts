import http from "node:http";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { CALLDOG_SIM_ACCOUNTS, createCalldogSim } from "@/lib/sim/calldog/simulator";
import { SimClock } from "@/lib/sim/clock";
import { type SimServer, startSimServer } from "@/lib/sim/server";

/** Shared by the Calldog tests: the simulator in-process on a manual clock, clients, time travel, a webhook receiver. */
export const DEMO_KEY: string = CALLDOG_SIM_ACCOUNTS[0].key;
export const MODERATED_KEY: string = CALLDOG_SIM_ACCOUNTS[1].key;
export const POOR_KEY: string = CALLDOG_SIM_ACCOUNTS[2].key;
export const DEMO_CALLER = "+74951234567";

export type Kit = {
  server: SimServer;
  clock: SimClock;
  baseUrl: string;
  client: (apiKey?: string, timeoutMs?: number) => ReturnType<typeof createCalldogClient>;
  /** Advances the manual clock in steps, ticking the simulator after each. */
  advance: (ms: number, stepMs?: number) => Promise<void>;
  raw: (path: string, init?: RequestInit) => Promise<{ status: number; body: Record<string, unknown> }>;
};

export async function startKit(): Promise<Kit> {
  const clock = SimClock.manual();
  const server = await startSimServer({ providers: [createCalldogSim()], port: 0, tickMs: 0, clock });
  const baseUrl = `${server.url}/calldog/`;
  return {
    server,
    clock,
    baseUrl,
    client: (apiKey = DEMO_KEY, timeoutMs) => createCalldogClient({ baseUrl, apiKey, timeoutMs, sleep: async () => {} }),
    async advance(ms, stepMs = 1_000) {
      for (let passed = 0; passed < ms; passed += stepMs) {
        clock.advance(Math.min(stepMs, ms - passed));
        await server.tick();
      }
    },
    async raw(path, init) {
      const response = await fetch(`${baseUrl}${path}`, init);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

export function postJson(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

export type Delivery = { at: number; body: Record<string, unknown> };

/** A local webhook endpoint: records each delivery at simulated time and answers what `answer` says. */
export async function startReceiver(clock: SimClock, answer: (body: Record<string, unknown>, deliveries: Delivery[]) => number) {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      deliveries.push({ at: clock.now(), body });
      res.writeHead(answer(body, deliveries)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
