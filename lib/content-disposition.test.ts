import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/content-disposition";

describe("contentDisposition", () => {
  it("names a Cyrillic file in UTF-8 with an ASCII fallback", () => {
    expect(contentDisposition("inline", "Приветствие.mp3")).toBe(
      `inline; filename="___________.mp3"; filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%D1%81%D1%82%D0%B2%D0%B8%D0%B5.mp3`,
    );
  });
  it("encodes the characters RFC 5987 does not allow bare, which encodeURIComponent leaves", () => {
    expect(contentDisposition("attachment", "Don't (final)*!.wav")).toBe(`attachment; filename="Don't (final)*!.wav"; filename*=UTF-8''Don%27t%20%28final%29%2A%21.wav`);
  });
  it("drops quotes, backslashes, slashes and control characters, and never gives an empty name", () => {
    expect(contentDisposition("inline", 'a"b\\c/d\r\ne.mp3')).toBe(`inline; filename="abcde.mp3"; filename*=UTF-8''abcde.mp3`);
    expect(contentDisposition("inline", '"\n')).toBe(`inline; filename="download"; filename*=UTF-8''download`);
  });
});
