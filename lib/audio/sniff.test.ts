import { describe, expect, it } from "vitest";
import { sniffAudioFormat } from "@/lib/audio/sniff";
import { makeMp3, makeWav } from "@/lib/sim/audio";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

function id3(tagBody: Buffer, then: Buffer): Buffer {
  const size = tagBody.length;
  const header = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([header, tagBody, then]);
}

describe("sniffAudioFormat", () => {
  it("knows a wav by RIFF/WAVE and an mp3 by its first frame", () => {
    expect(sniffAudioFormat(makeWav(0.2))).toBe("wav");
    expect(sniffAudioFormat(makeMp3(0.2))).toBe("mp3");
  });

  it("knows an mp3 that starts with an ID3 tag, and looks for the frame after the tag", () => {
    const mp3 = makeMp3(0.2);
    expect(sniffAudioFormat(id3(Buffer.alloc(300), mp3))).toBe("mp3");
    expect(sniffAudioFormat(id3(Buffer.alloc(300), Buffer.from("not a frame at all")))).toBeUndefined();
  });

  it("refuses a PNG, text, an empty file, a RIFF that is not WAVE and a sync word with reserved bits", () => {
    expect(sniffAudioFormat(PNG)).toBeUndefined();
    expect(sniffAudioFormat(Buffer.from("ID3 but nothing else"))).toBeUndefined();
    expect(sniffAudioFormat(Buffer.from("hello, world"))).toBeUndefined();
    expect(sniffAudioFormat(Buffer.alloc(0))).toBeUndefined();
    expect(sniffAudioFormat(Buffer.from("RIFF\0\0\0\0AVI LIST"))).toBeUndefined();
    // 0xFF 0xFF: sync, but layer and version fields reserved; bitrate index 1111 is "bad".
    expect(sniffAudioFormat(Buffer.from([0xff, 0xe9, 0x90, 0x00]))).toBeUndefined();
    expect(sniffAudioFormat(Buffer.from([0xff, 0xfb, 0xf0, 0x00]))).toBeUndefined();
  });
});
