import type { CallUpdate } from "@/lib/db/queries/calls";
import { mapCalldogStatus } from "@/lib/providers/call-status";
import type { CalldogCall } from "@/lib/providers/calldog/schema";
import { CALLDOG_RECORDING_KEY_PARAM } from "@/lib/providers/calldog/wire";

/**
 * Calldog call info (an apiCalls/get item or a status webhook body) in the common shape; undefined for a
 * status the app does not know (it is kept in the event, not applied).
 */
export function callUpdateFromCalldog(call: CalldogCall, rawStatus: string = call.status): CallUpdate | undefined {
  const mapping = mapCalldogStatus(rawStatus, call.reason);
  if (!mapping) return undefined;
  return {
    providerCallId: String(call.id),
    phone: call.phone,
    rawStatus,
    mapping,
    durationSeconds: call.duration > 0 || mapping.final ? Math.round(call.duration) : null,
    dialedAt: toDate(call.startedAt),
    answeredAt: toDate(call.answeredAt),
    endedAt: toDate(call.finishedAt),
    ivrAnswer: call.ivrAnswer === null ? null : String(call.ivrAnswer),
    ivrActions: ivrActionsOf(call),
    recordingRef: call.recordPath ? withoutKey(call.recordPath) : null,
    // The recording is played through the app's own route: the provider's address is not shown (as for Calldron).
    raw: { ...call, recordPath: call.recordPath ? "(streamed by the app)" : null },
  };
}

/** What the IVR did, as far as the call info tells. */
export function ivrActionsOf(call: Pick<CalldogCall, "blacklisted" | "transferredTo" | "smsSent">): string[] {
  return [call.blacklisted ? "block" : "", call.transferredTo ? "transfer" : "", call.smsSent ? "sms" : ""].filter(Boolean);
}

/** The recording route adds the key itself; a stored reference never carries one. */
function withoutKey(recordPath: string): string {
  try {
    const url = new URL(recordPath);
    url.searchParams.delete(CALLDOG_RECORDING_KEY_PARAM);
    return url.toString();
  } catch {
    return recordPath.replace(/[?&]apiKey=[^&]*/gi, "");
  }
}

function toDate(iso: string | null): Date | null {
  return iso ? new Date(iso) : null;
}
