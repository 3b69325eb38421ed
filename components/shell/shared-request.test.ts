import { describe, expect, it } from "vitest";
import { sharedRequest } from "@/components/shell/shared-request";

function counted() {
  let sent = 0;
  let clock = 0;
  const answers: ((value: number) => void)[] = [];
  const request = sharedRequest(
    () =>
      new Promise<number>((resolve) => {
        sent += 1;
        answers.push(resolve);
      }),
    { reuseMs: 1_000, now: () => clock },
  );
  return { request, sent: () => sent, answer: (value: number) => answers.shift()?.(value), advance: (ms: number) => (clock += ms) };
}

describe("a shared request", () => {
  it("sends one request for a burst of callers while it is in flight", async () => {
    const r = counted();
    const burst = Array.from({ length: 20 }, () => r.request());
    expect(r.sent()).toBe(1);
    r.answer(7);
    expect(await Promise.all(burst)).toEqual(Array(20).fill(7));
  });

  it("reuses the answer for a short while, then asks again", async () => {
    const r = counted();
    const first = r.request();
    r.answer(1);
    await first;
    r.advance(999);
    expect(await r.request()).toBe(1);
    expect(r.sent()).toBe(1);
    r.advance(1);
    const second = r.request();
    expect(r.sent()).toBe(2);
    r.answer(2);
    expect(await second).toBe(2);
  });

  it("asks again at once after a request that failed", async () => {
    let sent = 0;
    const request = sharedRequest(async () => {
      sent += 1;
      if (sent === 1) throw new Error("offline");
      return "ok";
    }, { reuseMs: 1_000 });
    await expect(request()).rejects.toThrow("offline");
    expect(await request()).toBe("ok");
  });
});
