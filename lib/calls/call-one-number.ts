import "server-only";
import { type BatchCallsRead, readBatchCalls } from "@/lib/calls/batch-calls";
import { type DialingStart, type HoldBackReason, mayDial, type WindowedStart } from "@/lib/dialing/screen";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronCall } from "@/lib/providers/calldron/wire";
import { ProviderError } from "@/lib/providers/provider-error";

export type CallOneOutcome =
  /** The provider accepted the create; with `identify`, the new call's id when the batch shows it. */
  | { status: "placed"; callId?: string }
  /** The answer was lost (timeout, 5xx, reset), but a new call to the number is in the batch: it was placed. */
  | { status: "placed_after_lookup"; callStatus: string; callId: string }
  /** The answer was lost and no new call to the number is in the batch (yet). Not retried. */
  | { status: "unknown"; lookupFailed: boolean }
  /** Held back by the dialing screen: nothing was sent. `start` says where the window stood, when one was asked about. */
  | { status: "held_back"; reason: HoldBackReason; start?: WindowedStart }
  /** The provider refused, or the batch could not be read first: nothing was dialed. */
  | { status: "refused"; reason: RefusalReason; retryAfterSeconds?: number };

export type Refused = Extract<CallOneOutcome, { status: "refused" }>;

export type RefusalReason = "rate_limited" | "auth" | "invalid" | "batch_not_found" | "unreachable" | "timeout" | "server" | "blocked" | "unexpected";

/** How long the provider gets to show a call whose create answer was lost, before the app looks for it. */
const LOOKUP_DELAY_MS = 1_500;

/**
 * Dials one number (E.164) in a Calldron batch. The do-not-call screen goes first, so a held-back number
 * sends nothing at all. The create is never retried blind: when its outcome is unknown the batch's calls
 * are compared with those read just before, and the user is told what is known.
 *
 * With `start` the organisation's calling window is part of the screen too (a test call, which must start now).
 * With `identify` a placed call is looked for among the batch's calls, because Calldron's create answers `{}`.
 */
export async function callOneNumber({
  client,
  batchId,
  phone,
  lookupDelayMs = LOOKUP_DELAY_MS,
  start,
  identify = false,
}: {
  client: CalldronClient;
  batchId: string;
  phone: string;
  lookupDelayMs?: number;
  start?: DialingStart;
  identify?: boolean;
}): Promise<CallOneOutcome> {
  const screened = await mayDial({ phone, start });
  if (!screened.ok) return heldBack(screened);

  let before: Set<string>;
  try {
    before = await callIdsTo(client, batchId, phone);
  } catch (error) {
    return refusalFor(error, "invalid");
  }

  // Again right before the provider: the number may have been added to the list while the batch was read.
  const again = await mayDial({ phone, start });
  if (!again.ok) return heldBack(again);

  try {
    await client.createCall(batchId, phone);
  } catch (error) {
    if (!outcomeUnknown(error)) return refusalFor(error, "invalid");
    return afterLostAnswer(client, batchId, phone, before, lookupDelayMs);
  }
  if (!identify) return { status: "placed" };
  try {
    const callId = newCallTo(await readBatchCalls(client, batchId), phone, before)?.id;
    return callId ? { status: "placed", callId } : { status: "placed" };
  } catch {
    // Placed all the same; the id stays unknown.
    return { status: "placed" };
  }
}

async function afterLostAnswer(client: CalldronClient, batchId: string, phone: string, before: Set<string>, lookupDelayMs: number): Promise<CallOneOutcome> {
  await new Promise((resolve) => setTimeout(resolve, lookupDelayMs));
  try {
    const fresh = newCallTo(await readBatchCalls(client, batchId), phone, before);
    return fresh ? { status: "placed_after_lookup", callStatus: fresh.status, callId: fresh.id } : { status: "unknown", lookupFailed: false };
  } catch {
    return { status: "unknown", lookupFailed: true };
  }
}

function heldBack(screened: { reason: HoldBackReason; start?: WindowedStart }): CallOneOutcome {
  return screened.start ? { status: "held_back", reason: screened.reason, start: screened.start } : { status: "held_back", reason: screened.reason };
}

/** The newest call to the number that was not in the batch before the create. */
function newCallTo({ calls }: BatchCallsRead, phone: string, before: Set<string>): CalldronCall | undefined {
  return calls.filter((c) => c.phone === phone && !before.has(c.id)).at(-1);
}

async function callIdsTo(client: CalldronClient, batchId: string, phone: string): Promise<Set<string>> {
  const { calls } = await readBatchCalls(client, batchId);
  return new Set(calls.filter((c) => c.phone === phone).map((c) => c.id));
}

/** A create that timed out, got a 5xx, lost its connection or an unreadable answer may have reached the provider. */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ProviderError) || error.kind === "unavailable" || error.kind === "bad_response";
}

/**
 * The refusal a provider's error means: nothing was dialed. What a 4xx (`validation`) means depends on the request,
 * so the caller says: the number refused (`invalid`) here, `unexpected` where only the batches were read.
 */
export function refusalFor(error: unknown, validation: "invalid" | "unexpected"): Refused {
  if (!(error instanceof ProviderError)) return { status: "refused", reason: "unexpected" };
  switch (error.kind) {
    case "rate_limited":
      return { status: "refused", reason: "rate_limited", retryAfterSeconds: error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined };
    case "auth":
      return { status: "refused", reason: "auth" };
    case "validation":
      return { status: "refused", reason: validation };
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
