import { describe, expect, it } from "vitest";
import { findAudioFile, findAudioFileMeta, insertAudioFile, readAudioBytes } from "@/lib/db/queries/audio";
import { deleteBatchIntro, findBatchIntro, saveBatchIntro } from "@/lib/db/queries/calldron-batch-intros";
import { setupTestDb } from "@/lib/testing/test-db";

const testDb = setupTestDb();

async function connectionId(): Promise<string> {
  const { rows } = await testDb.handle.raw.query<{ id: string }>(
    "insert into connections (name, provider, base_url, api_key_sealed, api_key_last4) values ('c', 'calldron', 'http://x/', 's', '1234') returning id",
    [],
  );
  return rows[0]?.id as string;
}

describe("audio store queries", () => {
  it("keeps the bytes exactly, and reads a byte range without the rest", async () => {
    const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    const meta = await insertAudioFile({
      file: { name: "a.wav", format: "wav", sizeBytes: data.length, durationSeconds: 1.5, sha256: "x", data, purpose: "calldron-intro", createdById: null },
    });
    expect(await findAudioFileMeta({ id: meta.id })).toMatchObject({ name: "a.wav", sizeBytes: 70_000, durationSeconds: 1.5 });
    expect((await findAudioFile({ id: meta.id }))?.data.equals(data)).toBe(true);
    expect((await readAudioBytes({ id: meta.id, start: 100, end: 199 }))?.equals(data.subarray(100, 200))).toBe(true);
    expect((await readAudioBytes({ id: meta.id, start: 69_990, end: 69_999 }))?.equals(data.subarray(69_990))).toBe(true);
  });

  it("remembers, replaces and forgets which stored audio is a batch's intro", async () => {
    const file = (n: string) =>
      insertAudioFile({ file: { name: n, format: "mp3", sizeBytes: 1, durationSeconds: 1, sha256: "y", data: Buffer.from([1]), purpose: "calldron-intro", createdById: null } });
    const [first, second, connection] = [await file("1.mp3"), await file("2.mp3"), await connectionId()];
    await saveBatchIntro({ connectionId: connection, batchId: "7", audioFileId: first.id });
    await saveBatchIntro({ connectionId: connection, batchId: "7", audioFileId: second.id });
    expect(await findBatchIntro({ connectionId: connection, batchId: "7" })).toEqual({ audioFileId: second.id });
    await deleteBatchIntro({ connectionId: connection, batchId: "7" });
    expect(await findBatchIntro({ connectionId: connection, batchId: "7" })).toBeUndefined();
  });
});
