import { afterEach, expect, it } from "vitest";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { CALLDOG_SIM_ACCOUNTS, createCalldogSim } from "@/lib/sim/calldog/simulator";
import { SimClock } from "@/lib/sim/clock";
import { type SimServer, startSimServer } from "@/lib/sim/server";

let server: SimServer | undefined;
afterEach(async () => {
  await server?.close();
});

it("on a sped-up clock (the demo's) a call runs fast, yet every time it reports is in the past and the talk time is the simulated one", async () => {
  server = await startSimServer({ providers: [createCalldogSim()], port: 0, tickMs: 20, clock: new SimClock(1_000) });
  Object.assign(server.ctx.outcomes, { answerRate: 1, busyRate: 0, minTalkSeconds: 60, maxTalkSeconds: 60 });
  const client = createCalldogClient({ baseUrl: `${server.url}/calldog/`, apiKey: CALLDOG_SIM_ACCOUNTS[0].key, sleep: async () => {} });
  const before = Date.now();
  const [item] = await client.createCalls({ phones: ["+79991112233"], outgoingPhone: "+74951234567", record: { text: "Здравствуйте!" } });
  const id = item?.id as number;

  let call = (await client.getCalls([id]))[0];
  for (let i = 0; i < 100 && call?.status !== "finished"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    call = (await client.getCalls([id]))[0];
  }
  expect(call?.status).toBe("finished");
  expect(call?.duration).toBe(60);
  const times = [call?.startedAt, call?.answeredAt, call?.finishedAt].map((t) => Date.parse(t ?? ""));
  for (const t of times) {
    // Calldog reports whole seconds.
    expect(t).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(t).toBeLessThanOrEqual(Date.now());
  }
});
