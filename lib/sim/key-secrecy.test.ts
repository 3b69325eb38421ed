import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import type { Provider } from "@/lib/db/schema";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { CALLDOG_SIM_ACCOUNTS, CALLDOG_SIM_PREFIX } from "@/lib/sim/calldog/simulator";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { CALLDRON_SIM_ACCOUNTS, CALLDRON_SIM_PREFIX } from "@/lib/sim/calldron/simulator-accounts";
import { basicAuthHeader } from "@/lib/providers/calldron/wire";
import { createObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import { OBZVONILKA_SIM_ACCOUNTS, OBZVONILKA_SIM_PREFIX } from "@/lib/sim/obzvonilka/simulator-accounts";
import { ProviderError } from "@/lib/providers/provider-error";
import { makeWav } from "@/lib/sim/audio";
import { SimClock } from "@/lib/sim/clock";
import { createAllSims } from "@/lib/sim/providers";
import { type SimServer, startSimServer } from "@/lib/sim/server";
import type { FaultSettings } from "@/lib/sim/types";

/**
 * The keys the clients are given, good and wrong, must not show up anywhere a person or a log collector could read:
 * the simulators' request logs, ProviderError messages and paths, or the console (with PROVIDER_LOG=1 on).
 */
const KEYS: Record<Provider, { good: string; wrong: string }> = {
  calldron: { good: CALLDRON_SIM_ACCOUNTS[0].key, wrong: "cdr-wrong-key-5e1b9c" },
  calldog: { good: CALLDOG_SIM_ACCOUNTS[0].key, wrong: "cdg-wrong-key-77a0d4" },
  obzvonilka: { good: OBZVONILKA_SIM_ACCOUNTS[0].key, wrong: "obz-wrong-key-3c92fe" },
};
const PROVIDERS = Object.keys(KEYS) as Provider[];

/** Every form a key may take on the wire: raw, URL-encoded, Calldron's Basic credentials. */
const FORBIDDEN = Object.values(KEYS).flatMap(({ good, wrong }) =>
  [good, wrong].flatMap((key) => [key, encodeURIComponent(key), basicAuthHeader(key).slice("Basic ".length)]),
);

const FAULTS: [string, Partial<FaultSettings>][] = [
  ["500", { errorRate: 1, errorStatuses: [500] }],
  ["429", { rateLimitRate: 1, retryAfterSeconds: 0 }],
  ["malformed", { malformedRate: 1 }],
  ["reset", { resetRate: 1 }],
  ["hang", { hangRate: 1 }],
];

let server: SimServer;
const errors: ProviderError[] = [];
const consoleSpies: MockInstance[] = [];

beforeAll(async () => {
  vi.stubEnv("PROVIDER_LOG", "1");
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => {}));
  }
  server = await startSimServer({ providers: createAllSims(), port: 0, tickMs: 0, clock: SimClock.manual() });
});
afterAll(async () => {
  await server.close();
  for (const spy of consoleSpies) spy.mockRestore();
  vi.unstubAllEnvs();
});

describe("no key leaks from the clients or the simulators", () => {
  it.each(PROVIDERS)("%s: good key, wrong key and every fault mode", async (provider) => {
    for (const key of [KEYS[provider].good, KEYS[provider].wrong]) {
      await exercise(provider, key);
      for (const [name, fault] of FAULTS) {
        server.faults.set(provider, fault);
        // A hang waits out the client's timeout, three times for a read: keep it short there only.
        await exercise(provider, key, name === "hang" ? 30 : 5_000);
        server.faults.reset(provider);
      }
    }
    const log = server.log.entries(provider);
    expect(new Set(log.map((e) => e.fault ?? "none"))).toEqual(new Set(["none", "error_500", "rate_limit", "malformed", "reset", "hang"]));
    expect(log.some((e) => e.status === 401)).toBe(true);
    expect(log.some((e) => e.status === 200)).toBe(true);
  });

  it("none of the keys is in a request log, an error or a console line", async () => {
    expect(errors.length).toBeGreaterThan(30);
    const kinds = new Set(errors.map((e) => e.kind));
    for (const kind of ["auth", "unavailable", "rate_limited", "bad_response"] as const) expect(kinds).toContain(kind);
    expect(new Set(errors.map((e) => e.cause))).toEqual(new Set([undefined, "server", "network", "timeout"]));
    const printed = consoleSpies.flatMap((spy) => spy.mock.calls);
    expect(printed.length).toBeGreaterThan(0);

    const places: [string, string][] = [
      ...PROVIDERS.map((p): [string, string] => [`${p} request log`, JSON.stringify(server.log.entries(p))]),
      ...(await Promise.all(
        PROVIDERS.map(async (p): Promise<[string, string]> => [`${p} /_sim/log`, await (await fetch(`${server.url}/_sim/log/${p}`)).text()]),
      )),
      ["errors", JSON.stringify(errors.map((e) => ({ message: e.message, path: e.path, providerMessage: e.providerMessage, stack: e.stack })))],
      ["console", printed.map((args) => args.map(String).join(" ")).join("\n")],
    ];
    for (const [where, text] of places) {
      for (const secret of FORBIDDEN) expect(text, `${where} holds a key`).not.toContain(secret);
    }
  });
});

/** A few authenticated calls through the provider's client, a read and a create among them; failures are collected. */
async function exercise(provider: Provider, apiKey: string, timeoutMs = 5_000): Promise<void> {
  const options = { apiKey, timeoutMs, sleep: async () => {} };
  const calls: (() => Promise<unknown>)[] = [];
  if (provider === "calldron") {
    const client = createCalldronClient({ ...options, baseUrl: `${server.url}${CALLDRON_SIM_PREFIX}/` });
    calls.push(
      () => client.ping(),
      () => client.createListAndFind("Секреты"),
      () => client.createBatch({ name: "Секреты" }),
      () => client.recording(`${server.url}${CALLDRON_SIM_PREFIX}/batches/1/calls/1/record.mp3`),
    );
  } else if (provider === "calldog") {
    const client = createCalldogClient({ ...options, baseUrl: `${server.url}${CALLDOG_SIM_PREFIX}/` });
    calls.push(
      () => client.ping(),
      () => client.getCalls([1, 2]),
      () => client.createRecordFromFile({ name: "Секрет", file: makeWav(0.1), filename: "s.wav" }),
      () => client.recording(`${server.url}${CALLDOG_SIM_PREFIX}/records/1.wav`),
    );
  } else {
    const client = createObzvonilkaClient({ ...options, baseUrl: `${server.url}${OBZVONILKA_SIM_PREFIX}/` });
    calls.push(
      () => client.ping(),
      () => client.findContactByExternalCode(1, "NO-SUCH-CODE"),
      () => client.createContact(1, { name: "Секрет", phone1: "+79990001122" }),
    );
  }
  for (const call of calls) {
    try {
      const answer = await call();
      if (answer instanceof Response) await answer.body?.cancel();
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      errors.push(error);
    }
  }
}
