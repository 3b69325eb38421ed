import type { AudioFormat } from "@/lib/audio/limits";

/**
 * What a file is, from its first bytes only: a name or a browser's MIME type says nothing.
 * wav: `RIFF....WAVE`. mp3: an ID3v2 tag followed by an MPEG audio frame, or a frame at the start.
 */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | undefined {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WAVE") return "wav";
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === "ID3") {
    // The tag's size is a 28-bit "syncsafe" integer; a frame must follow it (when the file reaches that far).
    const size = ((bytes[6] ?? 0) << 21) | ((bytes[7] ?? 0) << 14) | ((bytes[8] ?? 0) << 7) | (bytes[9] ?? 0);
    const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
    const frameAt = 10 + size + footer;
    if ([6, 7, 8, 9].some((i) => ((bytes[i] ?? 0) & 0x80) !== 0)) return undefined;
    return frameAt + 4 <= bytes.length && isMpegFrameHeader(bytes, frameAt) ? "mp3" : undefined;
  }
  return isMpegFrameHeader(bytes, 0) ? "mp3" : undefined;
}

/** An MPEG audio frame header: 11 sync bits, and no reserved version, layer, bitrate or sample rate. */
export function isMpegFrameHeader(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length) return false;
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrate = (b2 >> 4) & 0b1111;
  const sampleRate = (b2 >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
