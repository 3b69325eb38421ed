import { parseCalldronCallRef } from "@/lib/providers/calldron/call-update";

/**
 * The app's URL that plays a stored call's recording, or null: Calldron's through its proxy route (the reference
 * is `<batch>/<call>`), Calldog's through `/api/recordings/calldog/<our call id>`.
 */
export function recordingSrc(call: { id: string; provider: string; connectionId: string; recordingRef: string | null }): string | null {
  if (!call.recordingRef) return null;
  if (call.provider === "calldog") return `/api/recordings/calldog/${call.id}`;
  if (call.provider === "calldron") {
    const ref = parseCalldronCallRef(call.recordingRef);
    return ref ? `/api/recordings/calldron/${call.connectionId}/${encodeURIComponent(ref.batchId)}/${encodeURIComponent(ref.callId)}` : null;
  }
  return null;
}
