import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type ImportFile, importFiles, importMappings } from "@/lib/db/schema";

export async function insertImportFile({
  ownerId,
  name,
  format,
  sha256,
  data,
  settings,
}: {
  ownerId: string;
  name: string;
  format: "csv" | "xlsx";
  sha256: string;
  data: Uint8Array;
  settings: Record<string, unknown>;
}): Promise<ImportFile> {
  const [row] = await (await db())
    .insert(importFiles)
    .values({ ownerId, name, format, sizeBytes: data.length, sha256, data: Buffer.from(data.buffer, data.byteOffset, data.length), settings })
    .returning();
  if (!row) throw new Error("import file insert returned nothing");
  return row;
}

/** The owner's uploaded file (an admin may read anyone's). */
export async function findImportFile({ id, ownerId }: { id: string; ownerId?: string }): Promise<ImportFile | undefined> {
  const [row] = await (await db())
    .select()
    .from(importFiles)
    .where(and(eq(importFiles.id, id), ownerId ? eq(importFiles.ownerId, ownerId) : undefined));
  return row;
}

export async function findImportFileByTask({ taskId }: { taskId: string }): Promise<Pick<ImportFile, "id" | "name" | "settings"> | undefined> {
  const [row] = await (await db())
    .select({ id: importFiles.id, name: importFiles.name, settings: importFiles.settings })
    .from(importFiles)
    .where(eq(importFiles.taskId, taskId));
  return row;
}

export async function setImportFileTask({ id, taskId, settings }: { id: string; taskId: string; settings: Record<string, unknown> }): Promise<void> {
  await (await db()).update(importFiles).set({ taskId, settings }).where(eq(importFiles.id, id));
}

export async function findImportMapping({ signature }: { signature: string }): Promise<Record<string, unknown> | undefined> {
  const [row] = await (await db()).select().from(importMappings).where(eq(importMappings.signature, signature));
  return row?.mapping;
}

export async function saveImportMapping({ signature, mapping }: { signature: string; mapping: Record<string, unknown> }): Promise<void> {
  await (await db())
    .insert(importMappings)
    .values({ signature, mapping })
    .onConflictDoUpdate({ target: importMappings.signature, set: { mapping, updatedAt: sql`now()` } });
}
