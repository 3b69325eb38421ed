import { describe, expect, it } from "vitest";
import { readLimited } from "@/lib/read-limited";

function stream(chunks: number[], onPull?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      const size = chunks[i++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(7));
    },
  });
}

describe("readLimited", () => {
  it("reads a body up to the limit exactly", async () => {
    const read = await readLimited(stream([4, 4, 2]), 10, 10);
    expect(read.ok && read.bytes.length).toBe(10);
  });

  it("refuses a declared length over the limit without reading anything", async () => {
    let pulls = 0;
    const read = await readLimited(stream([5], () => pulls++), 11, 10);
    expect(read).toEqual({ ok: false, error: "tooLarge" });
    expect(pulls).toBe(0);
  });

  it("stops reading once an undeclared body passes the limit", async () => {
    let pulls = 0;
    const read = await readLimited(stream([6, 6, 6, 6, 6], () => pulls++), null, 10);
    expect(read).toEqual({ ok: false, error: "tooLarge" });
    expect(pulls).toBeLessThan(4);
  });

  it("refuses an empty body and one shorter than declared", async () => {
    expect(await readLimited(stream([]), 0, 10)).toEqual({ ok: false, error: "empty" });
    expect(await readLimited(null, null, 10)).toEqual({ ok: false, error: "empty" });
    expect(await readLimited(stream([3]), 8, 10)).toEqual({ ok: false, error: "incomplete" });
  });
});
