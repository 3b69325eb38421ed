import type { CalldronBatch, CalldronBatchInput } from "@/lib/providers/calldron/wire";
import { ProviderError } from "@/lib/providers/provider-error";

type BatchClient = {
  listBatches(): Promise<CalldronBatch[]>;
  createBatch(input: CalldronBatchInput): Promise<{ id?: string }>;
};

export type CreateOutcome =
  | { ok: true; id: string; recovered: boolean }
  | { ok: false; reason: "nameTaken" }
  /** The answer was lost and the look-up found no new batch of that name: it was not created. */
  | { ok: false; reason: "notCreated" }
  /** The answer was lost and the look-up failed too: nobody knows. The user must look before trying again. */
  | { ok: false; reason: "unknown" };

/**
 * Creates a batch at most once. Names are kept unique per account, so that when the answer to a create is
 * lost (timeout, 5xx, a cut connection, an unreadable answer) the batch can be looked up by name among
 * those that were not there before, instead of creating it a second time blind.
 */
export async function createBatchOnce(client: BatchClient, input: CalldronBatchInput): Promise<CreateOutcome> {
  const before = await client.listBatches();
  if (before.some((b) => b.name === input.name)) return { ok: false, reason: "nameTaken" };
  const known = new Set(before.map((b) => b.id));
  try {
    const { id } = await client.createBatch(input);
    if (id) return { ok: true, id, recovered: false };
    // A success without an id (the doc shows no answer body): the new batch is the one of that name.
    const found = await findNewBatch(client, input.name, known);
    return found === "unreadable" ? { ok: false, reason: "unknown" } : found ? { ok: true, id: found, recovered: false } : { ok: false, reason: "unknown" };
  } catch (error) {
    if (!mayHaveReachedProvider(error)) throw error;
    const found = await findNewBatch(client, input.name, known);
    if (found === "unreadable") return { ok: false, reason: "unknown" };
    return found ? { ok: true, id: found, recovered: true } : { ok: false, reason: "notCreated" };
  }
}

async function findNewBatch(client: BatchClient, name: string, known: Set<string>): Promise<string | undefined | "unreadable"> {
  let after: CalldronBatch[];
  try {
    after = await client.listBatches();
  } catch {
    return "unreadable";
  }
  return after.filter((b) => b.name === name && !known.has(b.id)).at(-1)?.id;
}

/** A 5xx, a timeout, a reset or an answer we could not read: the service may have done it. 4xx and 429 say it did not. */
export function mayHaveReachedProvider(error: unknown): boolean {
  return error instanceof ProviderError && (error.kind === "unavailable" || error.kind === "bad_response");
}
