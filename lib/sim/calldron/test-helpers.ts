import { createCalldronSim } from "@/lib/sim/calldron/simulator";
import { CALLDRON_SIM_ACCOUNTS, CALLDRON_SIM_PREFIX } from "@/lib/sim/calldron/simulator-accounts";
import { basicAuthHeader } from "@/lib/providers/calldron/wire";
import { SimClock } from "@/lib/sim/clock";
import { type SimServer, startSimServer } from "@/lib/sim/server";
import type { ProviderSim } from "@/lib/sim/types";

export const DEMO_KEY = CALLDRON_SIM_ACCOUNTS[0].key;
export const SECOND_KEY = CALLDRON_SIM_ACCOUNTS[1].key;

/** A fresh in-process simulator on a free port with a manual clock and short talks (recordings stay small). */
export async function startCalldronSim(
  opts: { demoData?: boolean; sim?: ProviderSim } = {},
): Promise<{ server: SimServer; baseUrl: string; clock: SimClock; sim: ProviderSim }> {
  const clock = SimClock.manual();
  const sim = opts.sim ?? createCalldronSim(opts);
  const server = await startSimServer({
    providers: [sim],
    port: 0,
    tickMs: 0,
    clock,
    outcomes: { minTalkSeconds: 2, maxTalkSeconds: 4 },
  });
  return { server, baseUrl: `${server.url}${CALLDRON_SIM_PREFIX}/`, clock, sim };
}

/** Raw request to the simulator, for the rules the typed client never breaks. */
export async function raw(
  baseUrl: string,
  method: string,
  path: string,
  init: { key?: string | null; password?: string; body?: unknown; contentType?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown; bytes: Buffer }> {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? DEMO_KEY : init.key;
  if (key !== null) {
    headers.authorization = init.password
      ? `Basic ${Buffer.from(`${key}:${init.password}`).toString("base64")}`
      : basicAuthHeader(key);
  }
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["content-type"] = init.contentType ?? "application/json";
  }
  const response = await fetch(new URL(path, baseUrl), { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, bytes };
}
