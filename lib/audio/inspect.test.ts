import { describe, expect, it } from "vitest";
import { inspectAudio } from "@/lib/audio/inspect";
import { MAX_AUDIO_BYTES } from "@/lib/audio/limits";
import { makeMp3, makeWav } from "@/lib/sim/audio";

describe("inspectAudio", () => {
  it("reads the format and the duration of a wav and an mp3 from their content", async () => {
    const wav = await inspectAudio(makeWav(1.5), "hello.mp3");
    expect(wav).toMatchObject({ ok: true, audio: { format: "wav", name: "hello.wav", durationSeconds: 1.5 } });
    const mp3 = await inspectAudio(makeMp3(2), "greeting.wav");
    expect(mp3.ok && mp3.audio.format).toBe("mp3");
    expect(mp3.ok && mp3.audio.name).toBe("greeting.mp3");
    expect(mp3.ok && Math.abs(mp3.audio.durationSeconds - 2)).toBeLessThan(0.2);
    expect(mp3.ok && mp3.audio.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a PNG named .mp3, an empty file, an oversized file and a header with no audio after it", async () => {
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(100)]);
    expect(await inspectAudio(png, "photo.mp3")).toEqual({ ok: false, error: "notAudio" });
    expect(await inspectAudio(Buffer.alloc(0), "a.wav")).toEqual({ ok: false, error: "empty" });
    expect(await inspectAudio(Buffer.alloc(MAX_AUDIO_BYTES + 1), "big.wav")).toEqual({ ok: false, error: "tooLarge" });
    expect(await inspectAudio(makeWav(1).subarray(0, 44), "cut.wav")).toEqual({ ok: false, error: "unreadable" });
  });

  it("takes a file of exactly the limit", async () => {
    const wav = makeWav(1);
    const big = Buffer.alloc(MAX_AUDIO_BYTES);
    wav.copy(big);
    // Make the header describe the whole file, as a real 10 MB wav would.
    big.writeUInt32LE(MAX_AUDIO_BYTES - 8, 4);
    big.writeUInt32LE(MAX_AUDIO_BYTES - 44, 40);
    const read = await inspectAudio(big, "ten.wav");
    expect(read.ok && read.audio.sizeBytes).toBe(MAX_AUDIO_BYTES);
    expect(read.ok && read.audio.durationSeconds).toBeCloseTo((MAX_AUDIO_BYTES - 44) / 16000, 1);
  });
});
