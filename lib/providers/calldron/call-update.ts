import type { CallUpdate } from "@/lib/db/queries/calls";
import { mapCalldronStatus } from "@/lib/providers/call-status";
import { type CalldronCall, formatCalldronTime } from "@/lib/providers/calldron/wire";
import { toE164 } from "@/lib/providers/phone";

/**
 * Calldron nests calls under batches (`/batches/:id/calls/:cid`), so a call id is taken as unique only within its
 * batch: the stored provider id is `<batch id>/<call id>`. It is also the recording reference, which the app's
 * route `/api/recordings/calldron/<connection>/<batch>/<call>` plays (docs/providers.md).
 */
export function calldronCallRef(batchId: string, callId: string): string {
  return `${batchId}/${callId}`;
}

/** The batch and call ids of a stored Calldron reference, or undefined when it is not one. */
export function parseCalldronCallRef(ref: string): { batchId: string; callId: string } | undefined {
  const match = /^([\w-]{1,64})\/([\w-]{1,64})$/.exec(ref);
  return match ? { batchId: match[1] as string, callId: match[2] as string } : undefined;
}

/**
 * One Calldron call in the common shape; undefined for a status the app does not know or a number it cannot read.
 * The confirmation (`result`: confirmed / not_confirmed, by DTMF or timeout) is the call's IVR answer. `raw` keeps
 * the wire fields, except the recording's URL, which only the app's route may fetch.
 */
export function callUpdateFromCalldron(batchId: string, call: CalldronCall): CallUpdate | undefined {
  const mapping = mapCalldronStatus(call.status, call.final);
  const phone = toE164(call.phone);
  if (!mapping || !phone) return undefined;
  const ref = calldronCallRef(batchId, call.id);
  return {
    providerCallId: ref,
    phone,
    rawStatus: call.status,
    mapping,
    durationSeconds: call.durationSeconds > 0 || mapping.final ? Math.round(call.durationSeconds) : null,
    dialedAt: call.dialedAt,
    answeredAt: null,
    endedAt: call.endedAt,
    ivrAnswer: call.result,
    ivrActions: [],
    recordingRef: call.recordUrl ? ref : null,
    raw: {
      id: call.id,
      batch_id: batchId,
      phone_number: call.phone,
      status: call.status,
      result: call.result,
      final: call.final,
      duration: call.durationSeconds.toFixed(1),
      dialed_at: call.dialedAt ? formatCalldronTime(call.dialedAt.getTime()) : null,
      ended_at: call.endedAt ? formatCalldronTime(call.endedAt.getTime()) : null,
      record_url: call.recordUrl ? "(streamed by the app)" : null,
    },
  };
}
