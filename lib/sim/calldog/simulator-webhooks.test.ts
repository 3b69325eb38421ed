import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CALLER, DEMO_KEY, type Kit, startKit, startReceiver } from "@/lib/sim/calldog/test-kit";

let kit: Kit;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
beforeEach(async () => {
  kit = await startKit();
  Object.assign(kit.server.ctx.outcomes, { answerRate: 1, busyRate: 0, minTalkSeconds: 20, maxTalkSeconds: 20 });
});
afterEach(async () => {
  await receiver?.close();
  await kit.server.close();
});

async function createWithWebhook(url: string): Promise<number> {
  const [item] = await kit.client().createCalls({ phones: ["+79991112233"], outgoingPhone: DEMO_CALLER, record: { text: "Привет" }, webhookUrl: url });
  return item?.id ?? 0;
}

const startedOnly = (deliveries: { at: number; body: Record<string, unknown> }[]) => deliveries.filter((d) => d.body.status === "started");

describe("Calldog simulator webhooks", () => {
  it("POSTs call info on every status change", async () => {
    receiver = await startReceiver(kit.clock, () => 200);
    const id = await createWithWebhook(receiver.url);
    await kit.advance(60_000);
    expect(receiver.deliveries.map((d) => d.body.status)).toEqual(["started", "processed", "answered", "finished"]);
    expect(receiver.deliveries.at(-1)?.body).toMatchObject({ id, phone: "79991112233", status: "finished", duration: 20 });
  });

  it("retries a minute apart until HTTP 200: 500, 500, 200 makes exactly three deliveries", async () => {
    receiver = await startReceiver(kit.clock, (body, all) => (body.status === "started" && startedOnly(all).length <= 2 ? 500 : 200));
    await createWithWebhook(receiver.url);
    await kit.advance(10 * 60_000, 5_000);
    const started = startedOnly(receiver.deliveries);
    expect(started).toHaveLength(3);
    const first = started[0]?.at ?? 0;
    expect(started.map((d) => d.at - first)).toEqual([0, 60_000, 120_000]);
  });

  it("gives up after the first delivery and three retries", async () => {
    receiver = await startReceiver(kit.clock, () => 500);
    await createWithWebhook(receiver.url);
    await kit.advance(15 * 60_000, 5_000);
    for (const status of ["started", "processed", "answered", "finished"]) {
      expect(receiver.deliveries.filter((d) => d.body.status === status), status).toHaveLength(4);
    }
    const started = startedOnly(receiver.deliveries);
    expect((started[3]?.at ?? 0) - (started[0]?.at ?? 0)).toBe(180_000);
  });

  it("an unreachable webhook URL is retried the same way and does not stop the call", async () => {
    const id = await createWithWebhook("http://127.0.0.1:9/unreachable");
    await kit.advance(60_000, 5_000);
    const [call] = await kit.client(DEMO_KEY).getCalls([id]);
    expect(call?.status).toBe("finished");
  });
});
