import { createHash } from "node:crypto";
import { parseBuffer } from "music-metadata";
import { sanitiseAudioFileName } from "@/lib/audio/file-name";
import { AUDIO_CONTENT_TYPES, type AudioFormat, MAX_AUDIO_BYTES } from "@/lib/audio/limits";
import { sniffAudioFormat } from "@/lib/audio/sniff";

/** Why an upload is not taken; each is a message key under `audioUpload.errors`. */
export type AudioRejection = "empty" | "tooLarge" | "notAudio" | "unreadable" | "incomplete";

export type InspectedAudio = { name: string; format: AudioFormat; sizeBytes: number; durationSeconds: number; sha256: string };

/**
 * Everything the store keeps about a file besides its bytes, read from the content alone: the format by its
 * magic bytes, the duration by decoding its headers (music-metadata). A file that claims to be audio but has no
 * readable duration is refused, so nothing unplayable is sent to a provider.
 */
export async function inspectAudio(bytes: Uint8Array, rawName: string): Promise<{ ok: true; audio: InspectedAudio } | { ok: false; error: AudioRejection }> {
  if (bytes.length === 0) return { ok: false, error: "empty" };
  if (bytes.length > MAX_AUDIO_BYTES) return { ok: false, error: "tooLarge" };
  const format = sniffAudioFormat(bytes);
  if (!format) return { ok: false, error: "notAudio" };
  const durationSeconds = await readDuration(bytes, format);
  if (durationSeconds === undefined) return { ok: false, error: "unreadable" };
  return {
    ok: true,
    audio: {
      name: sanitiseAudioFileName(rawName, format),
      format,
      sizeBytes: bytes.length,
      durationSeconds,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  };
}

async function readDuration(bytes: Uint8Array, format: AudioFormat): Promise<number | undefined> {
  try {
    const metadata = await parseBuffer(bytes, { mimeType: AUDIO_CONTENT_TYPES[format], size: bytes.length }, { duration: true, skipCovers: true });
    const seconds = metadata.format.duration;
    return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 100) / 100 : undefined;
  } catch {
    return undefined;
  }
}
