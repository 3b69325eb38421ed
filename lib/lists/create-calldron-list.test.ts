import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SafeError } from "@/lib/errors";
import { createCreateListTestSim } from "@/lib/lists/create-calldron-list.test-sim";
import { type CalldronClient, createCalldronClient } from "@/lib/providers/calldron/client";
import { DEMO_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import type { SimServer } from "@/lib/sim/server";
import { createCalldronListOnce } from "@/lib/lists/create-calldron-list";

let server: SimServer;
let client: CalldronClient;
let scripted: ReturnType<typeof createCreateListTestSim>;

beforeEach(async () => {
  scripted = createCreateListTestSim();
  const started = await startCalldronSim({ sim: scripted.sim });
  server = started.server;
  client = createCalldronClient({ baseUrl: started.baseUrl, apiKey: DEMO_KEY, timeoutMs: 400, sleep: async () => {} });
});
afterEach(async () => {
  await server.close();
});

async function named(name: string): Promise<number> {
  let n = 0;
  for await (const l of client.iterateLists()) if (l.name === name) n++;
  return n;
}

describe("creating a Calldron list", () => {
  it("finds the new list's id by its name", async () => {
    const list = await createCalldronListOnce(client, "Новый");
    expect(list).toMatchObject({ name: "Новый", id: expect.stringMatching(/^\d+$/) });
    expect(scripted.creates).toBe(1);
  });

  it("refuses a name already in the account, sending nothing", async () => {
    await createCalldronListOnce(client, "Занято");
    await expect(createCalldronListOnce(client, "Занято")).rejects.toMatchObject({ messageKey: "listNameTaken" });
    expect(scripted.creates).toBe(1);
    expect(await named("Занято")).toBe(1);
  });

  it("after a lost answer (created, then 500 or a hang), finds the list instead of creating it again", async () => {
    for (const fault of ["processThen500", "processThenHang"] as const) {
      scripted.next = fault;
      const list = await createCalldronListOnce(client, `Потерянный ${fault}`);
      expect(list.name).toBe(`Потерянный ${fault}`);
      expect(await named(`Потерянный ${fault}`)).toBe(1);
    }
    expect(scripted.creates).toBe(2);
  });

  it("after a 500 that created nothing, says so; the next try looks up first and creates it once", async () => {
    scripted.next = "error500";
    const failure = await createCalldronListOnce(client, "Второй раз").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SafeError);
    expect(failure).toMatchObject({ messageKey: "listCreateLost" });
    expect(await named("Второй раз")).toBe(0);
    await createCalldronListOnce(client, "Второй раз");
    expect(await named("Второй раз")).toBe(1);
    expect(scripted.creates).toBe(2);
  });
});
