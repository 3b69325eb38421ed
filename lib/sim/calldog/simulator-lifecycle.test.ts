import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CalldogCreateCallsInput } from "@/lib/providers/calldog/wire";
import { DEMO_CALLER, DEMO_KEY, type Kit, MODERATED_KEY, startKit, startReceiver } from "@/lib/sim/calldog/test-kit";
import { audioKind, makeWav } from "@/lib/sim/audio";

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
  Object.assign(kit.server.ctx.outcomes, { answerRate: 1, busyRate: 0, minTalkSeconds: 20, maxTalkSeconds: 20 });
});
afterEach(async () => {
  await kit.server.close();
});

const input: CalldogCreateCallsInput = { phones: ["+79991112233"], outgoingPhone: DEMO_CALLER, record: { text: "Здравствуйте!" } };

async function createOne(patch: Partial<CalldogCreateCallsInput> = {}, apiKey: string = DEMO_KEY): Promise<number> {
  const [item] = await kit.client(apiKey).createCalls({ ...input, ...patch });
  if (!item?.id) throw new Error(`not created: ${item?.message}`);
  return item.id;
}

async function info(id: number, apiKey: string = DEMO_KEY) {
  const [call] = await kit.client(apiKey).getCalls([id]);
  if (!call) throw new Error("call not found");
  return call;
}

describe("Calldog simulator lifecycle", () => {
  it("walks created → started → processed → answered → finished on the clock, with a playable, seekable recording", async () => {
    const id = await createOne({ needRecording: true });
    const seen = [(await info(id)).status];
    for (let i = 0; i < 40; i++) {
      await kit.advance(1_000);
      const status = (await info(id)).status;
      if (status !== seen.at(-1)) seen.push(status);
    }
    expect(seen).toEqual(["created", "started", "processed", "answered", "finished"]);
    const call = await info(id);
    expect(call).toMatchObject({ duration: 20, ivrAnswer: null, reason: null });
    expect(Date.parse(call.finishedAt ?? "") - Date.parse(call.answeredAt ?? "")).toBe(20_000);
    expect(call.recordPath).toMatch(/\/calldog\/recordings\/\d+\.mp3$/);

    const client = kit.client();
    const full = Buffer.from(await (await client.recording(call.recordPath ?? "")).arrayBuffer());
    expect(audioKind(full)).toBe("mp3");
    const tail = await client.recording(call.recordPath ?? "", "bytes=-100");
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes ${full.length - 100}-${full.length - 1}/${full.length}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(full.subarray(-100))).toBe(true);
    const beyond = await client.recording(call.recordPath ?? "", "bytes=999999-").catch((e: { status?: number }) => e);
    expect(beyond.status).toBe(416);
    const foreign = await fetch(`${call.recordPath}?apiKey=${MODERATED_KEY}`);
    expect(foreign.status).toBe(404);
    expect((await fetch(call.recordPath ?? "")).status).toBe(401);
  });

  it("ends busy or canceled by the outcome settings, and has no recording then", async () => {
    Object.assign(kit.server.ctx.outcomes, { answerRate: 0, busyRate: 1 });
    const busy = await createOne({ needRecording: true });
    // The outcome is drawn when the call stops ringing, at most 15 s after creation.
    await kit.advance(16_000);
    Object.assign(kit.server.ctx.outcomes, { answerRate: 0, busyRate: 0 });
    const canceled = await createOne();
    await kit.advance(30_000);
    expect(await info(busy)).toMatchObject({ status: "busy", reason: "busy", recordPath: null, duration: 0 });
    expect(await info(canceled)).toMatchObject({ status: "canceled", reason: "no_answer" });
  });

  it("plannedAt delays the start to the planned second", async () => {
    const plannedAt = new Date(kit.clock.now() + 3_600_000);
    const id = await createOne({ plannedAt });
    await kit.advance(3_599_000, 60_000);
    expect((await info(id)).status).toBe("created");
    expect((await info(id)).plannedAt).toBe(plannedAt.toISOString());
    await kit.advance(2_000);
    const call = await info(id);
    expect(call.status).toBe("started");
    expect(call.startedAt).toBe(plannedAt.toISOString());
  });

  it("IVR: a pressed digit blocks the number, transfers, sends the SMS and the action webhook; the number is then refused", async () => {
    const receiver = await startReceiver(kit.clock, () => 200);
    const webhookParameters = { campaign: "осень", list: 7 };
    const ivrs = [{ digit: 3, needBlock: true, managerPhone: "+74951112233", smsText: "Вы отписаны", webhookUrl: receiver.url, webhookParameters }];
    try {
      const id = await createOne({ ivrs });
      await kit.advance(40_000);
      expect(await info(id)).toMatchObject({
        status: "finished",
        ivrAnswer: 3,
        blacklisted: true,
        transferredTo: "+74951112233",
        smsSent: "Вы отписаны",
      });
      expect(receiver.deliveries.map((d) => d.body)).toEqual([{ call: { phone: "79991112233", answer: 3 }, campaign: "осень", list: 7 }]);
      const [again] = await kit.client().createCalls(input);
      expect(again).toMatchObject({ id: null, status: "error", message: "Номер находится в чёрном списке" });
    } finally {
      await receiver.close();
    }
  });

  it("IVR: the empty-digit handler means the callee stayed on the line (ivrAnswer -1)", async () => {
    const id = await createOne({ ivrs: [{ smsText: "Спасибо" }] });
    await kit.advance(40_000);
    expect(await info(id)).toMatchObject({ status: "finished", ivrAnswer: -1, smsSent: "Спасибо", blacklisted: false });
  });

  it("a number blacklisted after its call was created is canceled instead of dialled", async () => {
    const planned = await createOne({ plannedAt: new Date(kit.clock.now() + 600_000) });
    await createOne({ ivrs: [{ digit: 1, needBlock: true }] });
    await kit.advance(700_000, 10_000);
    expect(await info(planned)).toMatchObject({ status: "canceled", reason: "blacklisted", startedAt: null });
  });

  it("moderation: TTS on a moderated account stays created until the account is approved", async () => {
    const id = await createOne({ outgoingPhone: "+74950001122" }, MODERATED_KEY);
    await kit.advance(600_000, 60_000);
    expect(await info(id, MODERATED_KEY)).toMatchObject({ status: "created", reason: "moderation" });
    const approve = await fetch(`${kit.server.url}/_sim/calldog/approve`, { method: "POST", body: JSON.stringify({ account: 2 }) });
    expect(approve.status).toBe(200);
    await kit.advance(2_000);
    expect(await info(id, MODERATED_KEY)).toMatchObject({ status: "started", reason: null });
  });

  it("moderation: an uploaded record on a moderated account waits for its own approval", async () => {
    const client = kit.client(MODERATED_KEY);
    const record = await client.createRecordFromFile({ name: "Ролик", file: makeWav(1), filename: "r.wav" });
    expect(record.moderated).toBe(false);
    const id = await createOne({ outgoingPhone: "+74950001122", record: { id: record.id } }, MODERATED_KEY);
    await kit.advance(120_000, 10_000);
    expect((await info(id, MODERATED_KEY)).status).toBe("created");
    const approve = await fetch(`${kit.server.url}/_sim/calldog/approve`, { method: "POST", body: JSON.stringify({ recordId: record.id }) });
    expect(approve.status).toBe(200);
    await kit.advance(2_000);
    expect((await info(id, MODERATED_KEY)).status).toBe("started");
  });
});
