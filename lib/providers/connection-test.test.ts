import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLDOG_SIM_ACCOUNTS } from "@/lib/sim/calldog/simulator-accounts";
import { CALLDRON_SIM_ACCOUNTS } from "@/lib/sim/calldron/simulator-accounts";
import { testConnection } from "@/lib/providers/connection-test";
import { OBZVONILKA_SIM_ACCOUNTS } from "@/lib/sim/obzvonilka/simulator-accounts";
import { createAllSims } from "@/lib/sim/providers";
import { type SimServer, startSimServer } from "@/lib/sim/server";

let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ providers: createAllSims({ demoData: false }), port: 0, tickMs: 0 });
});
afterAll(() => server.close());

const targets = () =>
  [
    { provider: "calldron", baseUrl: `${server.url}/calldron/v1/`, apiKey: CALLDRON_SIM_ACCOUNTS[0].key },
    { provider: "calldog", baseUrl: `${server.url}/calldog/`, apiKey: CALLDOG_SIM_ACCOUNTS[0].key },
    { provider: "obzvonilka", baseUrl: `${server.url}/obzvonilka/api/`, apiKey: OBZVONILKA_SIM_ACCOUNTS[0].key },
  ] as const;

describe("test connection", () => {
  it("answers ok with the right key and names a wrong key, for every provider", async () => {
    for (const target of targets()) {
      expect(await testConnection(target), target.provider).toBe("ok");
      expect(await testConnection({ ...target, apiKey: "wrong-key" }), target.provider).toBe("auth");
    }
  });

  it("tells unreachable, timed out, provider error and unexpected answer apart", async () => {
    const [calldron] = targets();
    expect(await testConnection({ ...calldron, baseUrl: "http://127.0.0.1:9/" })).toBe("unreachable");
    server.faults.set("calldron", { hangRate: 1 });
    expect(await testConnection({ ...calldron, timeoutMs: 200 })).toBe("timeout");
    server.faults.set("calldron", { hangRate: 0, errorRate: 1, errorStatuses: [502] });
    expect(await testConnection(calldron)).toBe("server");
    server.faults.set("calldron", { errorRate: 0, malformedRate: 1 });
    expect(await testConnection(calldron)).toBe("unexpected");
    server.faults.set("calldron", { malformedRate: 0, rateLimitRate: 1, retryAfterSeconds: 120 });
    expect(await testConnection(calldron)).toBe("rate_limited");
    server.faults.reset("calldron");
  });
});
