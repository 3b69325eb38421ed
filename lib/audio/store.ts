import "server-only";
import { type AudioRejection, inspectAudio } from "@/lib/audio/inspect";
import type { AudioPurpose } from "@/lib/audio/limits";
import { type AudioFileMeta, insertAudioFile } from "@/lib/db/queries/audio";

/** Checks an uploaded file by its content and keeps it in the app's store (the database, never public/). */
export async function storeAudio({
  bytes,
  rawName,
  purpose,
  createdById,
}: {
  bytes: Buffer;
  rawName: string;
  purpose: AudioPurpose;
  createdById: string;
}): Promise<{ ok: true; file: AudioFileMeta } | { ok: false; error: AudioRejection }> {
  const inspected = await inspectAudio(bytes, rawName);
  if (!inspected.ok) return inspected;
  const file = await insertAudioFile({ file: { ...inspected.audio, data: bytes, purpose, createdById } });
  return { ok: true, file };
}
