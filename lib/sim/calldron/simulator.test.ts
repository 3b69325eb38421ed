import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCalldronSim } from "@/lib/sim/calldron/simulator";
import { CALLDRON_SIM_ACCOUNTS } from "@/lib/sim/calldron/simulator-accounts";
import { DEMO_KEY, raw, SECOND_KEY, startCalldronSim } from "@/lib/sim/calldron/test-helpers";
import { basicAuthHeader } from "@/lib/providers/calldron/wire";
import { toE164 } from "@/lib/providers/phone";
import { audioKind, makeMp3, makeWav } from "@/lib/sim/audio";
import type { SimClock } from "@/lib/sim/clock";
import type { SimServer } from "@/lib/sim/server";
import type { ProviderSim } from "@/lib/sim/types";

let server: SimServer;
let base: string;
let clock: SimClock;
let sim: ProviderSim;

beforeEach(async () => {
  ({ server, baseUrl: base, clock, sim } = await startCalldronSim());
});
afterEach(async () => {
  await server.close();
});

type Call = { id: string; status: string; final: boolean; duration: string; result: string | null; dialed_at: string | null; ended_at: string | null; record_url: string | null };

async function newBatch(fields: Record<string, unknown> = {}): Promise<string> {
  const res = await raw(base, "POST", "batches", { body: { batch: { name: "Тест", ...fields } } });
  expect(res.status).toBe(200);
  return (res.json as { id: string }).id;
}

async function calls(batchId: string): Promise<Call[]> {
  const res = await raw(base, "GET", `batches/${batchId}/calls`);
  return (res.json as { data: Call[] }).data;
}

async function advance(ms: number) {
  clock.advance(ms);
  await server.tick();
}

describe("auth", () => {
  it("refuses a missing, wrong or non-Basic key with 401 and a JSON body", async () => {
    for (const init of [{ key: null }, { key: "wrong-key" }, { key: null, headers: { authorization: `Bearer ${DEMO_KEY}` } }]) {
      const res = await raw(base, "GET", "batches", init);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: "Unauthorized" });
      expect(res.headers.get("www-authenticate")).toBe('Basic realm="Calldron API"');
    }
  });

  it("refuses the right key with a non-empty password", async () => {
    const res = await raw(base, "GET", "batches", { password: "x" });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: "Unauthorized: the password must be empty" });
  });

  it("keeps accounts apart: another account's ids answer 404", async () => {
    const id = await newBatch();
    expect((await raw(base, "GET", `batches/${id}/calls`, { key: SECOND_KEY })).status).toBe(404);
    expect((await raw(base, "DELETE", `batches/${id}`, { key: SECOND_KEY })).status).toBe(404);
    expect((await raw(base, "GET", "batches", { key: SECOND_KEY })).json).toEqual([]);
  });
});

describe("strictness", () => {
  it("wants application/json on a body (415) and well-formed JSON (400)", async () => {
    const form = await raw(base, "POST", "lists", { body: "list[name]=x", contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const broken = await raw(base, "POST", "lists", { body: "{not json" });
    expect(broken.status).toBe(400);
  });

  it("refuses the doc's array-wrapped, capitalised form and a missing wrapper with 422", async () => {
    const array = await raw(base, "POST", "batches", { body: [{ batch: { name: "x" } }] });
    expect(array.status).toBe(422);
    const capital = await raw(base, "POST", "batches", { body: { batch: { Name: "x" } } });
    expect(capital.status).toBe(422);
    expect((capital.json as { errors: Record<string, string[]> }).errors).toMatchObject({ Name: ["is not a known field"], name: ["can't be blank"] });
    for (const [path, body] of [["batches", { name: "x" }], ["lists", { subscriber: {} }], ["batches/1/calls", {}]] as const) {
      if (path === "batches/1/calls") await newBatch();
      const res = await raw(base, "POST", path, { body });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ error: expect.stringContaining("is missing") });
    }
  });

  it("validates batch fields: type, confirmation, attempts, time zone, window times, caller id", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: "robocall" }, "type"],
      [{ confirmation: "press" }, "confirmation"],
      [{ attempts: "two" }, "attempts"],
      [{ attempts: "0" }, "attempts"],
      [{ call_delay: "-5" }, "call_delay"],
      [{ time_zone: "Mars" }, "time_zone"],
      [{ time_from: "8 утра" }, "time_from"],
      [{ from: "+7491231213" }, "from"],
      [{ callback: "89997778855" }, "callback"],
    ];
    for (const [fields, key] of cases) {
      const res = await raw(base, "POST", "batches", { body: { batch: { name: "x", ...fields } } });
      expect(res.status, key).toBe(422);
      expect(Object.keys((res.json as { errors: object }).errors)).toEqual([key]);
    }
    expect(await newBatch({ attempts: 3, call_delay: "30", time_from: "2000-01-01T08:00:00+02:00", time_to: "2000-01-01T19:00:00" })).toMatch(/^\d+$/);
  });

  it("takes a base64 mp3 or wav intro, recognised by content, and serves it back", async () => {
    const notBase64 = await raw(base, "POST", "batches", { body: { batch: { name: "x", intro: "%%%%" } } });
    expect(notBase64.status).toBe(422);
    const notAudio = await raw(base, "POST", "batches", { body: { batch: { name: "x", intro: Buffer.from("hello, world").toString("base64"), intro_filename: "a.mp3" } } });
    expect(notAudio.status).toBe(422);
    expect((notAudio.json as { errors: object }).errors).toEqual({ intro: ["must be an mp3 or wav file"] });

    const wav = makeWav(0.5);
    const id = await newBatch({ intro: wav.toString("base64"), intro_filename: "hello.wav" });
    const [batch] = (await raw(base, "GET", "batches")).json as { intro_url: string; intro_filename: string }[];
    expect(batch?.intro_filename).toBe("hello.wav");
    expect(batch?.intro_url).toBe(`${base}batches/${id}/intro`);
    const played = await raw(base, "GET", `batches/${id}/intro`);
    expect(played.headers.get("content-type")).toBe("audio/wav");
    expect(played.bytes.equals(wav)).toBe(true);
  });

  it("takes only +7 and ten digits as a phone", async () => {
    const id = await newBatch();
    for (const phone of ["89997778855", "79997778855", "+7 999 777 88 55", "+380501234567", ""]) {
      const res = await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: phone } } });
      expect(res.status, phone).toBe(422);
    }
    expect((await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } })).json).toEqual({});
  });

  it("answers 404 to unknown ids and routes, 405 to a wrong method", async () => {
    expect((await raw(base, "GET", "lists/999")).status).toBe(404);
    expect((await raw(base, "PUT", "batches/999", { body: { batch: { name: "x" } } })).status).toBe(404);
    expect((await raw(base, "GET", "batches/abc/calls")).status).toBe(404);
    expect((await raw(base, "GET", "nothing")).status).toBe(404);
    expect((await raw(base, "PATCH", "batches")).status).toBe(405);
  });
});

describe("lists and pagination", () => {
  it("pages with page/per_page (default 25, at most 100) and next_page as the next page number", async () => {
    await raw(base, "POST", "lists", { body: { list: { name: "Большой" } } });
    const lists = (await raw(base, "GET", "lists")).json as { next_page: null; data: { id: number; url: string }[] };
    const listId = lists.data[0]?.id;
    expect(lists.next_page).toBeNull();
    expect(lists.data[0]?.url).toBe(`${base}lists/${listId}`);
    for (let i = 0; i < 130; i++) {
      await raw(base, "POST", `lists/${listId}/subscribers`, { body: { subscriber: { phone_number: `+7999000${String(i).padStart(4, "0")}` } } });
    }
    const first = (await raw(base, "GET", `lists/${listId}/subscribers`)).json as { next_page: number; data: { name: string }[] };
    expect(first.data).toHaveLength(25);
    expect(first.next_page).toBe(2);
    const big = (await raw(base, "GET", `lists/${listId}/subscribers?per_page=500`)).json as { next_page: number; data: unknown[] };
    expect(big.data).toHaveLength(100);
    expect(big.next_page).toBe(2);
    const last = (await raw(base, "GET", `lists/${listId}/subscribers?page=6&per_page=25`)).json as { next_page: null; data: { name: string }[] };
    expect(last.next_page).toBeNull();
    expect(last.data.at(-1)?.name).toBe("+79990000129");
    expect((await raw(base, "GET", `lists/${listId}/subscribers?page=0`)).status).toBe(422);
    expect((await raw(base, "GET", `lists/${listId}/subscribers?per_page=abc`)).status).toBe(422);
  });

  it("adds a number already in the list only once", async () => {
    await raw(base, "POST", "lists", { body: { list: { name: "Дубли" } } });
    const listId = ((await raw(base, "GET", "lists")).json as { data: { id: number }[] }).data[0]?.id;
    for (let i = 0; i < 2; i++) {
      const res = await raw(base, "POST", `lists/${listId}/subscribers`, { body: { subscriber: { phone_number: "+79997778855" } } });
      expect(res.json).toEqual({ status: "ok" });
    }
    expect(((await raw(base, "GET", `lists/${listId}/subscribers`)).json as { data: unknown[] }).data).toHaveLength(1);
  });

  it("adds a removed number again, and the same number to another list, and a restored state's numbers once", async () => {
    for (const name of ["Один", "Два"]) await raw(base, "POST", "lists", { body: { list: { name } } });
    const [one, two] = ((await raw(base, "GET", "lists")).json as { data: { id: number }[] }).data.map((l) => l.id);
    const add = (listId: number | undefined) => raw(base, "POST", `lists/${listId}/subscribers`, { body: { subscriber: { phone_number: "+79997778855" } } });
    const members = async (listId: number | undefined) => ((await raw(base, "GET", `lists/${listId}/subscribers`)).json as { data: { id: number }[] }).data;
    await add(one);
    await add(two);
    expect(await members(one)).toHaveLength(1);
    expect(await members(two)).toHaveLength(1);
    const [subscriber] = await members(one);
    expect((await raw(base, "DELETE", `lists/${one}/subscribers/${subscriber?.id}`)).status).toBe(200);
    expect(await members(one)).toHaveLength(0);
    await add(one);
    expect(await members(one)).toHaveLength(1);
    const saved = sim.snapshot();
    sim.restore(saved);
    await add(one);
    await add(two);
    expect(await members(one)).toHaveLength(1);
    expect(await members(two)).toHaveLength(1);
  });
});

describe("call lifecycle on the clock", () => {
  it("goes fresh → dialing → talking → answered with a recording", async () => {
    server.ctx.outcomes.answerRate = 1;
    const id = await newBatch();
    await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } });
    let [call] = await calls(id);
    expect(call).toMatchObject({ status: "fresh", final: false, duration: "0.0", dialed_at: null, record_url: null });
    expect(((await raw(base, "GET", "batches")).json as { status: string }[])[0]?.status).toBe("running");

    await advance(2_000);
    [call] = await calls(id);
    expect(call).toMatchObject({ status: "dialing", dialed_at: "2026-11-23 12:00:02" });
    // Rings 3 to 25 s, then talks 2 to 4 s.
    let status = "dialing";
    for (let s = 0; s < 25 && status === "dialing"; s++) {
      await advance(1_000);
      status = (await calls(id))[0]?.status ?? "";
    }
    expect(status).toBe("talking");
    await advance(5_000);
    [call] = await calls(id);
    expect(call).toMatchObject({ status: "answered", final: true, record_url: `${base}batches/${id}/calls/${call?.id}/record.mp3` });
    expect(call?.result).toMatch(/^(confirmed|not_confirmed)$/);
    expect(Number(call?.duration)).toBeGreaterThanOrEqual(2);
    expect(call?.duration).toMatch(/^\d+\.\d$/);
    expect(call?.ended_at).toMatch(/^2026-11-23 12:00:\d\d$/);
    expect(((await raw(base, "GET", "batches")).json as { status: string }[])[0]?.status).toBe("finished");
  });

  it("retries a busy number `attempts` times, `call_delay` apart, then marks it final", async () => {
    Object.assign(server.ctx.outcomes, { answerRate: 0, busyRate: 1 });
    const id = await newBatch({ attempts: "2", call_delay: "600" });
    await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } });
    await advance(30_000);
    expect((await calls(id))[0]).toMatchObject({ status: "busy", final: false, record_url: null });
    await advance(600_000);
    expect((await calls(id))[0]?.status).toBe("dialing");
    await advance(30_000);
    expect((await calls(id))[0]).toMatchObject({ status: "busy", final: true, result: null, record_url: null });
  });

  it("waits for the batch's daily calling window", async () => {
    // The clock is 12:00 Moscow; the window opens at 14:00.
    const id = await newBatch({ time_from: "2000-01-01T14:00:00", time_to: "2000-01-01T18:00:00" });
    await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } });
    await advance(3_600_000);
    expect((await calls(id))[0]?.status).toBe("fresh");
    await advance(3_600_000);
    expect((await calls(id))[0]).toMatchObject({ status: "dialing", dialed_at: "2026-11-23 14:00:00" });
  });
});

describe("recordings", () => {
  async function answeredCall(): Promise<Call> {
    server.ctx.outcomes.answerRate = 1;
    const id = await newBatch();
    await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } });
    await advance(60_000);
    return (await calls(id))[0] as Call;
  }

  it("serves a real mp3 behind the same Basic auth, with ranges (206) and 416", async () => {
    const call = await answeredCall();
    const url = call.record_url as string;
    expect((await raw(url, "GET", "", { key: null })).status).toBe(401);
    const full = await raw(url, "GET", "");
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("audio/mpeg");
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(audioKind(full.bytes)).toBe("mp3");
    const size = full.bytes.length;

    const part = await raw(url, "GET", "", { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
    expect(part.bytes.equals(full.bytes.subarray(100, 200))).toBe(true);
    const tail = await raw(url, "GET", "", { headers: { range: "bytes=-50" } });
    expect(tail.headers.get("content-range")).toBe(`bytes ${size - 50}-${size - 1}/${size}`);

    const beyond = await raw(url, "GET", "", { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);
    // Generated once and deterministic.
    expect((await raw(url, "GET", "")).bytes.equals(full.bytes)).toBe(true);
  });

  it("has no recording for a call that was not answered", async () => {
    Object.assign(server.ctx.outcomes, { answerRate: 0, busyRate: 0 });
    const id = await newBatch();
    await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } });
    await advance(60_000);
    const [call] = await calls(id);
    expect(call).toMatchObject({ final: true, record_url: null });
    expect(["no_answer", "failed"]).toContain(call?.status);
    expect((await raw(base, "GET", `batches/${id}/calls/${call?.id}/record.mp3`)).status).toBe(404);
  });
});

describe("request log, snapshot, demo data", () => {
  it("never logs the key", async () => {
    await newBatch({ intro: makeMp3(0.3).toString("base64"), intro_filename: "a.mp3" });
    await raw(base, "GET", "batches", { password: "secret-password" });
    await raw(base, "GET", "batches", { key: "wrong-key-wrong-key" });
    const log = JSON.stringify(server.log.entries("calldron"));
    expect(server.log.entries("calldron").map((e) => e.auth)).toEqual(["basic", "basic+password", "basic"]);
    for (const secret of [DEMO_KEY, basicAuthHeader(DEMO_KEY).slice(6), "secret-password", "wrong-key-wrong-key"]) {
      expect(log).not.toContain(secret);
    }
  });

  it("survives snapshot and restore (JSON, intros as base64)", async () => {
    const wav = makeWav(0.2);
    const id = await newBatch({ intro: wav.toString("base64") });
    await raw(base, "POST", `batches/${id}/calls`, { body: { call: { phone_number: "+79997778855" } } });
    await raw(base, "POST", "lists", { body: { list: { name: "Сохранённый" } } });
    const saved = JSON.parse(JSON.stringify(sim.snapshot()));
    const restored = createCalldronSim();
    restored.restore(saved);
    const again = await startCalldronSim({ sim: restored });
    try {
      for (const path of ["batches", "lists", `batches/${id}/calls`]) {
        const before = JSON.stringify((await raw(base, "GET", path)).json).replaceAll(base, again.baseUrl);
        expect(JSON.stringify((await raw(again.baseUrl, "GET", path)).json)).toBe(before);
      }
      expect((await raw(again.baseUrl, "GET", `batches/${id}/intro`)).bytes.equals(wav)).toBe(true);
    } finally {
      await again.server.close();
    }
  });

  it("seeds Russian demo data fast, lazily recorded, for the demo account only", async () => {
    const started = Date.now();
    const demo = await startCalldronSim({ demoData: true });
    try {
      const batches = (await raw(demo.baseUrl, "GET", "batches")).json as { id: string; name: string; status: string }[];
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(batches.map((b) => b.status)).toEqual(["finished", "finished", "finished", "fresh"]);
      expect(batches[0]?.name).toBe("Напоминание о записи к врачу");
      const lists = (await raw(demo.baseUrl, "GET", "lists")).json as { data: { id: number }[] };
      expect(lists.data.length).toBeGreaterThanOrEqual(4);
      const phones: string[] = [];
      for (const list of lists.data) {
        for (let page: number | null = 1; page !== null; ) {
          const answer = (await raw(demo.baseUrl, "GET", `lists/${list.id}/subscribers?per_page=100&page=${page}`)).json as { next_page: number | null; data: { name: string }[] };
          phones.push(...answer.data.map((s) => s.name));
          page = answer.next_page;
        }
      }
      expect(phones.length).toBeGreaterThan(3_000);
      for (const phone of phones.filter((_, i) => i % 97 === 0)) expect(toE164(phone)).toBe(phone);
      const first = (await raw(demo.baseUrl, "GET", `batches/${batches[0]?.id}/calls?per_page=100&page=4`)).json as { next_page: null; data: Call[] };
      expect(first.data.length).toBe(20); // 320 calls
      expect(first.data.every((c) => c.final)).toBe(true);
      const answered = first.data.find((c) => c.status === "answered");
      const recording = await raw(answered?.record_url as string, "GET", "");
      expect(audioKind(recording.bytes)).toBe("mp3");
      const second = (await raw(demo.baseUrl, "GET", "batches", { key: SECOND_KEY })).json as { name: string }[];
      expect(second.map((b) => b.name)).toEqual(["Проверка связи"]);
      expect(CALLDRON_SIM_ACCOUNTS.map((a) => a.key)).toEqual([DEMO_KEY, SECOND_KEY]);
    } finally {
      await demo.server.close();
    }
  });
});

