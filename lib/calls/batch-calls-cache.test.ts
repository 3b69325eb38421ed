import { afterEach, describe, expect, it, vi } from "vitest";
import { cachedBatchCalls, forgetBatchCalls } from "@/lib/calls/batch-calls-cache";

const read = (n: number) => async () => ({ calls: [], truncated: n > 0 });

afterEach(() => {
  vi.useRealTimers();
});

describe("the short-lived read of a batch's calls", () => {
  it("serves a read made a moment ago, and reads afresh after 3 s", async () => {
    vi.useFakeTimers();
    const first = vi.fn(read(1));
    const second = vi.fn(read(2));
    await cachedBatchCalls("c:1", first);
    await cachedBatchCalls("c:1", second);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3_001);
    await cachedBatchCalls("c:1", second);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("forgets a batch on demand (after a call was placed) and never keeps a failed read", async () => {
    const fresh = vi.fn(read(3));
    await cachedBatchCalls("c:2", read(0));
    forgetBatchCalls("c:2");
    await cachedBatchCalls("c:2", fresh);
    expect(fresh).toHaveBeenCalledTimes(1);

    await expect(cachedBatchCalls("c:3", async () => Promise.reject(new Error("provider down")))).rejects.toThrow("provider down");
    const retry = vi.fn(read(4));
    await cachedBatchCalls("c:3", retry);
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
