import { describe, expect, it } from "vitest";
import { byteRangeResponse, parseByteRange } from "@/lib/audio/byte-range";

describe("parseByteRange", () => {
  it("reads open, closed and suffix ranges, clamped to the file", () => {
    expect(parseByteRange("bytes=0-", 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange("bytes=10-19", 100)).toEqual({ start: 10, end: 19 });
    expect(parseByteRange("bytes=90-500", 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
  });

  it("serves the whole file for no range or one it does not handle, and refuses one past the end", () => {
    expect(parseByteRange(null, 100)).toBeUndefined();
    expect(parseByteRange("bytes=0-1,5-6", 100)).toBeUndefined();
    expect(parseByteRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=20-10", 100)).toBe("unsatisfiable");
  });
});

describe("byteRangeResponse", () => {
  const bytes = new Uint8Array(Array.from({ length: 50 }, (_, i) => i));
  const asked: [number, number][] = [];
  const respond = (rangeHeader: string | null) =>
    byteRangeResponse({
      size: bytes.length,
      contentType: "audio/wav",
      rangeHeader,
      read: async (start, end) => {
        asked.push([start, end]);
        return bytes.subarray(start, end + 1);
      },
    });

  it("answers 206 with Content-Range for a range, reading only that part, and 200 without one", async () => {
    const part = await respond("bytes=10-14");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 10-14/50");
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14]);
    expect(asked).toEqual([[10, 14]]);
    const whole = await respond(null);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect((await whole.arrayBuffer()).byteLength).toBe(50);
    expect((await respond("bytes=60-")).status).toBe(416);
  });
});
