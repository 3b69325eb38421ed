import { Mp3Encoder } from "@breezystack/lamejs";

/**
 * Real, playable audio for simulated recordings and TTS, made of tones.
 * Deterministic for a given seed, so the same call always has the same recording.
 */
export function makePcm(seconds: number, seed = 1, sampleRate = 8000): Int16Array {
  const samples = Math.max(1, Math.round(seconds * sampleRate));
  const pcm = new Int16Array(samples);
  const base = 300 + (seed % 7) * 60;
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate;
    // A "voice-like" warble: a tone whose pitch steps every 0.4 s, with short pauses.
    const step = Math.floor(t / 0.4);
    const silent = t % 0.4 > 0.33;
    const freq = base + ((step * 37 + seed) % 5) * 40;
    pcm[i] = silent ? 0 : Math.round(Math.sin(2 * Math.PI * freq * t) * 0.3 * 32767);
  }
  return pcm;
}

export function makeWav(seconds: number, seed = 1, sampleRate = 8000): Buffer {
  const pcm = makePcm(seconds, seed, sampleRate);
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** MP3 through a pure-JavaScript LAME port (no binary download), 32 kbit/s mono. */
export function makeMp3(seconds: number, seed = 1, sampleRate = 8000): Buffer {
  const pcm = makePcm(seconds, seed, sampleRate);
  const encoder = new Mp3Encoder(1, sampleRate, 32);
  const parts: Buffer[] = [];
  for (let i = 0; i < pcm.length; i += 1152) {
    const chunk = encoder.encodeBuffer(pcm.subarray(i, i + 1152));
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  const tail = encoder.flush();
  parts.push(Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength));
  return Buffer.concat(parts);
}

/** Recognises mp3 (ID3 tag or MPEG frame sync) and wav (RIFF/WAVE) by content, never by name. */
export function audioKind(bytes: Buffer): "mp3" | "wav" | undefined {
  if (bytes.length >= 12 && bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 8, 12) === "WAVE") return "wav";
  if (bytes.length >= 3 && bytes.toString("ascii", 0, 3) === "ID3") return "mp3";
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return "mp3";
  return undefined;
}
