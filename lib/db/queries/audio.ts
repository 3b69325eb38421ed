import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type AudioFile, audioFiles } from "@/lib/db/schema";

export type AudioFileMeta = Omit<AudioFile, "data">;

const metaColumns = {
  id: audioFiles.id,
  name: audioFiles.name,
  format: audioFiles.format,
  sizeBytes: audioFiles.sizeBytes,
  durationSeconds: audioFiles.durationSeconds,
  sha256: audioFiles.sha256,
  purpose: audioFiles.purpose,
  createdById: audioFiles.createdById,
  createdAt: audioFiles.createdAt,
};

export async function insertAudioFile({ file }: { file: Omit<typeof audioFiles.$inferInsert, "id" | "createdAt"> }): Promise<AudioFileMeta> {
  const [row] = await (await db()).insert(audioFiles).values(file).returning(metaColumns);
  if (!row) throw new Error("audio file not inserted");
  return row;
}

/** What is known about a file, without its bytes. */
export async function findAudioFileMeta({ id }: { id: string }): Promise<AudioFileMeta | undefined> {
  const [row] = await (await db()).select(metaColumns).from(audioFiles).where(eq(audioFiles.id, id));
  return row;
}

/** The file with its bytes (at most 10 MB), for serving it or sending it to a provider. */
export async function findAudioFile({ id }: { id: string }): Promise<AudioFile | undefined> {
  const [row] = await (await db()).select().from(audioFiles).where(eq(audioFiles.id, id));
  return row;
}
