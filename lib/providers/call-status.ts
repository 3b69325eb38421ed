import type { CallStatus } from "@/lib/db/schema";
import { CALLDOG_FINAL_STATUSES, type CalldogCallStatus } from "@/lib/providers/calldog/wire";
import type { CalldronCallStatus } from "@/lib/providers/calldron/wire";

/**
 * Every provider's raw call statuses mapped to the common `call_status`, in one place (docs/providers.md
 * repeats the table). `progress` orders the states of one call so that a late, older update is never
 * applied over a newer one; a final state is never left.
 */
export type StatusMapping = { status: CallStatus; progress: number; final: boolean };

/**
 * Calldog: created → started → processed (ringing) → answered (talking) → finished | busy | canceled.
 * `canceled` with reason `no_answer` is an unanswered call; with `blacklisted` (or none) it never dialled.
 */
export const CALLDOG_STATUS_MAP: Record<CalldogCallStatus, StatusMapping> = {
  created: { status: "queued", progress: 0, final: false },
  started: { status: "ringing", progress: 1, final: false },
  processed: { status: "ringing", progress: 2, final: false },
  answered: { status: "in_progress", progress: 3, final: false },
  finished: { status: "answered", progress: 4, final: true },
  busy: { status: "busy", progress: 4, final: true },
  canceled: { status: "canceled", progress: 4, final: true },
};

/** Calldog reasons that refine a raw status. */
const CALLDOG_NO_ANSWER_REASON = "no_answer";

export function mapCalldogStatus(raw: string, reason: string | null): StatusMapping | undefined {
  const mapped = (CALLDOG_STATUS_MAP as Record<string, StatusMapping | undefined>)[raw];
  if (!mapped) return undefined;
  if (raw === "canceled" && reason === CALLDOG_NO_ANSWER_REASON) return { ...mapped, status: "no_answer" };
  return mapped;
}

export function isCalldogFinal(raw: string): boolean {
  return (CALLDOG_FINAL_STATUSES as readonly string[]).includes(raw);
}

/**
 * Calldron: fresh → dialing → talking → answered | busy | no_answer | failed. The last three are final only
 * when the call's `final` flag says so; otherwise another attempt follows, so they rank with `fresh`
 * (waiting to be dialled again) and the next attempt's `dialing` may follow them.
 */
export const CALLDRON_STATUS_MAP: Record<CalldronCallStatus, StatusMapping> = {
  fresh: { status: "queued", progress: 0, final: false },
  dialing: { status: "ringing", progress: 1, final: false },
  talking: { status: "in_progress", progress: 2, final: false },
  answered: { status: "answered", progress: 3, final: true },
  busy: { status: "busy", progress: 3, final: true },
  no_answer: { status: "no_answer", progress: 3, final: true },
  failed: { status: "failed", progress: 3, final: true },
};

export function mapCalldronStatus(raw: string, final: boolean): StatusMapping | undefined {
  const mapped = (CALLDRON_STATUS_MAP as Record<string, StatusMapping | undefined>)[raw];
  if (!mapped) return undefined;
  if (mapped.final && !final) return { ...mapped, progress: 0, final: false };
  return mapped;
}

/** Where a stored call stands (its raw status and final flag), to compare with an update. */
export function storedState(provider: "calldog" | "calldron", rawStatus: string | null, final: boolean): Pick<StatusMapping, "progress" | "final"> {
  const mapped = rawStatus === null ? undefined : provider === "calldog" ? mapCalldogStatus(rawStatus, null) : mapCalldronStatus(rawStatus, final);
  return { progress: mapped?.progress ?? 0, final };
}

/**
 * Whether an update with `next` replaces the stored `current` state: never out of a final state, and never
 * backwards among the non-final ones (an equal step is applied: it carries the same or newer details).
 */
export function supersedes(current: Pick<StatusMapping, "progress" | "final"> | undefined, next: Pick<StatusMapping, "progress" | "final">): boolean {
  if (!current) return true;
  if (current.final) return false;
  return next.final || next.progress >= current.progress;
}
