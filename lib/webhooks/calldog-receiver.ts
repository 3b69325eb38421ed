import "server-only";
import { findConnectionIdByToken, WEBHOOK_TOKEN_PATTERN } from "@/lib/db/queries/webhook-events";
import { nudgeWebhookEvents } from "@/lib/jobs/webhook-events";
import { parseCalldogEvent } from "@/lib/webhooks/calldog-event";
import { storeWebhookEvent } from "@/lib/webhooks/store-events-together";

/** Call info and IVR answers are small; anything far larger is not Calldog's. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ReceiverStatus = 200 | 400 | 404 | 413 | 503;

/**
 * One delivery to Calldog's webhook receiver, whichever server took it (the app's route, or `npm run webhooks`).
 * The token in the path is the only credential (a connection's secret, rotated by an admin). The event is stored,
 * deduplicated, before the 200 and applied later by a job; a duplicate answers 200 too, so that Calldog stops
 * retrying. `readBody` gives the body's text, or undefined when it is unreadable or longer than MAX_BODY_BYTES.
 * Nothing here logs the body.
 */
export async function receiveCalldogDelivery({
  token,
  declaredBytes,
  readBody,
}: {
  token: string;
  declaredBytes: number;
  readBody: () => Promise<string | undefined>;
}): Promise<ReceiverStatus> {
  if (!WEBHOOK_TOKEN_PATTERN.test(token)) return 404;
  if (declaredBytes > MAX_BODY_BYTES) return 413;
  const text = await readBody().catch(() => undefined);
  if (text === undefined || text.length > MAX_BODY_BYTES) return 413;

  const event = parseCalldogEvent(parseJson(text));
  if (!event) {
    // A malformed body for a wrong token is still a wrong token.
    const known = await findConnectionIdByToken({ token, provider: "calldog" }).catch(() => undefined);
    return known ? 400 : 404;
  }
  let result: Awaited<ReturnType<typeof storeWebhookEvent>>;
  try {
    result = await storeWebhookEvent({ token, provider: "calldog", dedupeKey: event.dedupeKey, kind: event.kind, body: text });
  } catch (error) {
    // Calldog retries a minute later; the cause, never the body, goes to the log.
    console.error("[webhooks] could not store a Calldog event:", (error as { code?: string }).code ?? (error instanceof Error ? error.name : "unknown"));
    return 503;
  }
  if (!result.connectionId) return 404;
  if (result.stored) nudgeWebhookEvents();
  return 200;
}

/** The answer's body for a status: Calldog reads the status only. */
export function receiverAnswer(status: ReceiverStatus): { ok: boolean } {
  return { ok: status === 200 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
