/** Why a body was refused before it was all read. */
export type LimitedReadError = "empty" | "tooLarge" | "incomplete";

export type LimitedRead = { ok: true; bytes: Buffer } | { ok: false; error: LimitedReadError };

/**
 * Reads a request body of a declared length, refusing it as soon as it passes `limit` bytes, so a large or
 * lying upload is never held in memory whole. A body shorter than declared (cut on the way) is refused too.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, declaredLength: number | null, limit: number): Promise<LimitedRead> {
  if (declaredLength !== null && declaredLength > limit) {
    await body?.cancel().catch(() => {});
    return { ok: false, error: "tooLarge" };
  }
  if (!body) return { ok: false, error: "empty" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, error: "tooLarge" };
    }
    chunks.push(value);
  }
  if (size === 0) return { ok: false, error: "empty" };
  if (declaredLength !== null && size !== declaredLength) return { ok: false, error: "incomplete" };
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}
