import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALLDOG_MAX_PHONES_PER_REQUEST, type CalldogCreateCallsInput } from "@/lib/providers/calldog/wire";
import { DEMO_CALLER, DEMO_KEY, type Kit, POOR_KEY, postJson, startKit } from "@/lib/sim/calldog/test-kit";
import { audioKind, makeWav } from "@/lib/sim/audio";
import { failure } from "@/lib/testing/provider-assertions";

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(async () => {
  await kit.server.close();
});

const tts: CalldogCreateCallsInput = { phones: ["+79991112233"], outgoingPhone: DEMO_CALLER, record: { text: "Здравствуйте!" } };

describe("Calldog client against the simulator", () => {
  it("reads the account, caller ids and languages", async () => {
    const client = kit.client();
    const info = await client.ping();
    expect(info).toMatchObject({ balance: 1500, moderation: false });
    expect(info.loggedAt).toMatch(/^\d{4}-/);
    expect((await client.getPhones()).map((p) => p.phone)).toEqual(["+74951234567", "+78123334455"]);
    const all = await client.getPhones({ all: true });
    expect(all).toHaveLength(3);
    expect(all.find((p) => p.phone === "+74997001122")?.confirmed).toBe(false);
    expect(await client.getAvailableLanguages()).toContain("ru-RU");
  });

  it("a wrong key is an auth error that never shows the key", async () => {
    const secret = "wrong-key-123456";
    const client = kit.client(secret);
    const calls: [string, () => Promise<unknown>][] = [
      ["userInfo", () => client.userInfo()],
      ["createCalls", () => client.createCalls(tts)],
      ["getCalls", () => client.getCalls([1])],
      ["createRecordFromText", () => client.createRecordFromText({ name: "x", text: "Привет" })],
      ["createRecordFromFile", () => client.createRecordFromFile({ name: "x", file: makeWav(0.1), filename: "x.wav" })],
      ["removeRecords", () => client.removeRecords([1])],
      ["getPhones", () => client.getPhones({ all: true })],
      ["getAvailableLanguages", () => client.getAvailableLanguages()],
      ["confirmPhone", () => client.confirmPhone("+79161234567")],
      ["recording", () => client.recording(`${kit.baseUrl}records/1.mp3`)],
      ["ping", () => client.ping()],
    ];
    for (const [name, call] of calls) {
      const error = await failure(call());
      expect(error.kind, name).toBe("auth");
      expect(`${error.message} ${error.path} ${error.providerMessage}`).not.toContain(secret);
    }
  });

  it("creates calls (TTS costs 0.40), reports refused numbers per item and reads them back", async () => {
    const client = kit.client();
    const created = await client.createCalls({ ...tts, phones: ["+79991112233", "+7999", "+79994445566"] });
    expect(created.map((c) => c.status)).toEqual(["created", "error", "created"]);
    expect(created[1]?.message).toMatch(/11 цифр/);
    expect(created[0]).toMatchObject({ phone: "+79991112233", id: expect.any(Number) });
    expect((await client.userInfo()).balance).toBeCloseTo(1499.6);
    const ids = created.flatMap((c) => (c.id === null ? [] : [c.id]));
    const calls = await client.getCalls(ids);
    expect(calls.map((c) => [c.phone, c.status, c.outgoingPhone])).toEqual([
      ["+79991112233", "created", DEMO_CALLER],
      ["+79994445566", "created", DEMO_CALLER],
    ]);
    expect(await kit.client().createCalls({ ...tts, outgoingPhone: undefined })).toHaveLength(1);
  });

  it("refuses each documented create error as a validation error", async () => {
    const client = kit.client();
    const bad: Partial<CalldogCreateCallsInput>[] = [
      { outgoingPhone: "+74997001122" },
      { outgoingPhone: "+74990000000" },
      { record: { id: 999 } },
      { record: { text: "а".repeat(1025) } },
      { webhookUrl: `https://example.ru/${"x".repeat(250)}` },
      { ivrs: [{ digit: 1, smsText: "с".repeat(71) }] },
      { ivrs: [{ digit: 1 }, { digit: 1 }] },
      { ivrs: [{ digit: 10 }] },
      { ivrs: [{ digit: 1, recordId: 999 }] },
      { lang: "xx-XX" },
    ];
    for (const patch of bad) {
      const error = await failure(client.createCalls({ ...tts, ...patch }));
      expect(error.kind, JSON.stringify(patch)).toBe("validation");
      expect(error.status).toBe(422);
    }
    const tooMany = await failure(client.createCalls({ ...tts, phones: Array(CALLDOG_MAX_PHONES_PER_REQUEST + 1).fill("+79991112233") }));
    expect(tooMany.kind).toBe("validation");
    const poor = kit.client(POOR_KEY);
    expect((await failure(poor.createCalls({ ...tts, outgoingPhone: "+74952223344" }))).status).toBe(402);
    expect((await failure(poor.createCalls({ ...tts, outgoingPhone: undefined }))).providerMessage).toMatch(/дежурных/);
    expect(kit.server.log.entries("calldog").filter((e) => e.status === 200)).toHaveLength(0);
  });

  it("the simulator is strict about method, body, key and fields the client never sends wrong", async () => {
    expect((await kit.raw("apiCalls/userInfo")).status).toBe(405);
    expect((await kit.raw("apiCalls/userInfo", { method: "POST", body: "apiKey=x" })).status).toBe(400);
    expect((await kit.raw("apiCalls/nope", postJson({ apiKey: DEMO_KEY }))).status).toBe(404);
    const noKey = await kit.raw("apiCalls/userInfo", postJson({}));
    expect(noKey).toEqual({ status: 401, body: { status: "error", message: "Не указан apiKey" } });
    const base = { apiKey: DEMO_KEY, outgoingPhone: "74951234567", record: { id: undefined, text: "Привет" } };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base }, /phone или phones/],
      [{ ...base, phone: "89991112233" }, /11 цифр/],
      [{ ...base, phone: "79991112233", phones: ["79991112233"] }, /либо phone/],
      [{ ...base, phones: Array(1001).fill("79991112233") }, /не более 1000/],
      [{ ...base, phone: "79991112233", outgoingPhone: undefined }, /outgoingPhone обязателен/],
      [{ ...base, phone: "79991112233", record: undefined }, /record/],
      [{ ...base, phone: "79991112233", record: { id: 1, text: "x" } }, /либо id, либо text/],
      [{ ...base, phone: "79991112233", ivrs: [{ digit: 1, webhookParameters: "[1]" }] }, /webhookParameters/],
      [{ ...base, phone: "79991112233", ivrs: [{ digit: 1, webhookParameters: { a: 1 } }] }, /webhookParameters/],
      [{ ...base, phone: "79991112233", ivrs: [{}, { digit: "" }] }, /уже используется/],
      [{ ...base, phone: "79991112233", plannedAt: "tomorrow" }, /plannedAt/],
    ];
    for (const [body, message] of cases) {
      const answer = await kit.raw("apiCalls/create", postJson(body));
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(answer.body.message).toMatch(message);
    }
    const languages = await kit.raw(`apiCalls/getAvailableLanguages?apiKey=${DEMO_KEY}`);
    expect(languages.body.data).toContain("en-US");
  });

  it("reads call ids from the body or, as in the doc's example, the query; other accounts' calls are left out", async () => {
    const [item] = await kit.client().createCalls(tts);
    const byQuery = await kit.raw(`apiCalls/get?apiCallIdList[]=${item?.id}`, postJson({ apiKey: DEMO_KEY }));
    expect(byQuery.body.data).toMatchObject([{ id: item?.id, status: "created", phone: "79991112233" }]);
    expect(await kit.client(POOR_KEY).getCalls([item?.id ?? 0])).toEqual([]);
    expect((await kit.raw("apiCalls/get", postJson({ apiKey: DEMO_KEY }))).status).toBe(422);
  });

  it("uploads a record as multipart, plays it back with Range, removes it; refuses a non-audio file", async () => {
    const client = kit.client();
    const wav = makeWav(1, 3);
    const record = await client.createRecordFromFile({ name: "Приветствие", file: wav, filename: "hello.wav" });
    expect(record).toMatchObject({ name: "Приветствие", source: "file", moderated: true });
    expect(kit.server.log.entries("calldog").at(-1)).toMatchObject({ auth: "multipart:apiKey", bodyShape: "multipart", status: 200 });
    const full = await client.recording(record.recordPath ?? "");
    expect(Buffer.from(await full.arrayBuffer()).equals(wav)).toBe(true);
    const part = await client.recording(record.recordPath ?? "", "bytes=0-43");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-43/${wav.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString("ascii", 0, 4)).toBe("RIFF");

    const notAudio = await failure(client.createRecordFromFile({ name: "x", file: Buffer.from("MZ not audio"), filename: "x.mp3" }));
    expect(notAudio.kind).toBe("validation");
    expect(notAudio.providerMessage).toMatch(/mp3 и wav/);

    await client.removeRecords([record.id]);
    expect((await failure(client.removeRecords([record.id]))).kind).toBe("not_found");
    expect((await failure(client.recording(record.recordPath ?? ""))).kind).toBe("not_found");
  });

  it("generates a TTS record for 0.40, playable as mp3, and confirms a phone by flash call", async () => {
    const client = kit.client();
    const record = await client.createRecordFromText({ name: "Опрос", text: "Добрый день! Нажмите 1." });
    expect(record).toMatchObject({ source: "text", moderated: true });
    expect((await client.userInfo()).balance).toBeCloseTo(1499.6);
    const audio = await client.recording(record.recordPath ?? "");
    expect(audioKind(Buffer.from(await audio.arrayBuffer()))).toBe("mp3");
    const check = await client.confirmPhone("+79161234567");
    expect(check).toMatchObject({ phone: "+79161234567", status: "created", code: expect.stringMatching(/^\d{4}$/) });
    expect((await failure(client.confirmPhone("+7916"))).kind).toBe("validation");
  });

  it("refuses a blank TTS text as validation and charges nothing; an empty balance is a 402", async () => {
    const blank = await failure(kit.client().createRecordFromText({ name: "Пусто", text: " " }));
    expect(blank).toMatchObject({ kind: "validation", status: 422 });
    expect((await kit.client().userInfo()).balance).toBe(1500);
    const poor = await failure(kit.client(POOR_KEY).createRecordFromText({ name: "Дорого", text: "Привет" }));
    expect(poor).toMatchObject({ kind: "validation", status: 402 });
  });

  it("never sends the key to a recording on another host", async () => {
    const error = await failure(kit.client().recording("https://cdn.example.com/rec/1.mp3"));
    expect(error.kind).toBe("validation");
    expect(kit.server.log.entries("calldog")).toHaveLength(0);
  });

  it("maps faults to kinds; createCalls is never retried on a 500, reads are", async () => {
    const client = kit.client();
    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [500] });
    expect((await failure(client.createCalls(tts))).kind).toBe("unavailable");
    expect(kit.server.log.entries("calldog")).toHaveLength(1);
    expect((await failure(client.getCalls([1]))).kind).toBe("unavailable");
    expect(kit.server.log.entries("calldog")).toHaveLength(4);

    kit.server.faults.reset("calldog");
    kit.server.faults.set("calldog", { rateLimitRate: 1, retryAfterSeconds: 0 });
    expect(await failure(client.userInfo())).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 0 });
    // Refused with Retry-After means not processed: even a create is sent again.
    kit.server.log.reset("calldog");
    expect((await failure(client.createCalls(tts))).kind).toBe("rate_limited");
    expect(kit.server.log.entries("calldog").map((e) => e.fault)).toEqual(["rate_limit", "rate_limit", "rate_limit"]);
    kit.server.faults.reset("calldog");
    kit.server.faults.set("calldog", { malformedRate: 1 });
    expect((await failure(client.userInfo())).kind).toBe("bad_response");
    kit.server.faults.reset("calldog");
    kit.server.faults.set("calldog", { resetRate: 1 });
    expect(await failure(client.userInfo())).toMatchObject({ kind: "unavailable", cause: "network" });
    kit.server.faults.reset("calldog");
    kit.server.faults.set("calldog", { hangRate: 1 });
    const hung = await failure(kit.client(DEMO_KEY, 100).createCalls(tts));
    expect([hung.kind, hung.cause]).toEqual(["unavailable", "timeout"]);
  });
});
