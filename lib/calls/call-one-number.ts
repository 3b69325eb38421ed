import "server-only";
import { readBatchCalls } from "@/lib/calls/batch-calls";
import { type HoldBackReason, mayDial } from "@/lib/dialing/screen";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { ProviderError } from "@/lib/providers/provider-error";

export type CallOneOutcome =
  /** The provider accepted the create. */
  | { status: "placed" }
  /** The answer was lost (timeout, 5xx, reset), but a new call to the number is in the batch: it was placed. */
  | { status: "placed_after_lookup"; callStatus: string }
  /** The answer was lost and no new call to the number is in the batch (yet). Not retried. */
  | { status: "unknown"; lookupFailed: boolean }
  /** Held back by the dialing screen: nothing was sent. */
  | { status: "held_back"; reason: HoldBackReason }
  /** The provider refused, or the batch could not be read first: nothing was dialed. */
  | { status: "refused"; reason: RefusalReason; retryAfterSeconds?: number };

export type RefusalReason = "rate_limited" | "auth" | "invalid" | "batch_not_found" | "unreachable" | "timeout" | "server" | "blocked" | "unexpected";

/** How long the provider gets to show a call whose create answer was lost, before the app looks for it. */
const LOOKUP_DELAY_MS = 1_500;

/**
 * Dials one number (E.164) in a Calldron batch. The do-not-call screen goes first, so a held-back number
 * sends nothing at all. The create is never retried blind: when its outcome is unknown the batch's calls
 * are compared with those read just before, and the user is told what is known.
 */
export async function callOneNumber({
  client,
  batchId,
  phone,
  lookupDelayMs = LOOKUP_DELAY_MS,
}: {
  client: CalldronClient;
  batchId: string;
  phone: string;
  lookupDelayMs?: number;
}): Promise<CallOneOutcome> {
  const screened = await mayDial({ phone });
  if (!screened.ok) return { status: "held_back", reason: screened.reason };

  let before: Set<string>;
  try {
    before = await callIdsTo(client, batchId, phone);
  } catch (error) {
    return refusal(error);
  }

  // Again right before the provider: the number may have been added to the list while the batch was read.
  const again = await mayDial({ phone });
  if (!again.ok) return { status: "held_back", reason: again.reason };

  try {
    await client.createCall(batchId, phone);
    return { status: "placed" };
  } catch (error) {
    if (!outcomeUnknown(error)) return refusal(error);
  }

  await new Promise((resolve) => setTimeout(resolve, lookupDelayMs));
  try {
    const { calls } = await readBatchCalls(client, batchId);
    const fresh = calls.filter((c) => c.phone === phone && !before.has(c.id)).at(-1);
    return fresh ? { status: "placed_after_lookup", callStatus: fresh.status } : { status: "unknown", lookupFailed: false };
  } catch {
    return { status: "unknown", lookupFailed: true };
  }
}

async function callIdsTo(client: CalldronClient, batchId: string, phone: string): Promise<Set<string>> {
  const { calls } = await readBatchCalls(client, batchId);
  return new Set(calls.filter((c) => c.phone === phone).map((c) => c.id));
}

/** A create that timed out, got a 5xx, lost its connection or an unreadable answer may have reached the provider. */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ProviderError) || error.kind === "unavailable" || error.kind === "bad_response";
}

function refusal(error: unknown): CallOneOutcome {
  if (!(error instanceof ProviderError)) return { status: "refused", reason: "unexpected" };
  switch (error.kind) {
    case "rate_limited":
      return { status: "refused", reason: "rate_limited", retryAfterSeconds: error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined };
    case "auth":
      return { status: "refused", reason: "auth" };
    case "validation":
      return { status: "refused", reason: "invalid" };
    case "not_found":
      return { status: "refused", reason: "batch_not_found" };
    case "blocked":
      return { status: "refused", reason: "blocked" };
    case "unavailable":
      return { status: "refused", reason: error.cause === "timeout" ? "timeout" : error.cause === "server" ? "server" : "unreachable" };
    default:
      return { status: "refused", reason: "unexpected" };
  }
}
