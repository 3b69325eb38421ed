import { NextResponse } from "next/server";
import { findConnectionIdByToken, WEBHOOK_TOKEN_PATTERN } from "@/lib/db/queries/webhook-events";
import { nudgeWebhookEvents } from "@/lib/jobs/webhook-events";
import { parseCalldogEvent } from "@/lib/webhooks/calldog-event";
import { storeWebhookEvent } from "@/lib/webhooks/store-events-together";

export const dynamic = "force-dynamic";

/** Call info and IVR answers are small; anything far larger is not Calldog's. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Calldog's webhook receiver. The token in the path is the only credential (a connection's secret, rotated by
 * an admin). The event is stored, deduplicated, before the 200 and applied later by a job; a duplicate answers
 * 200 too, so that Calldog stops retrying. Nothing here logs the body.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!WEBHOOK_TOKEN_PATTERN.test(token)) return answer(404);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return answer(413);
  const text = await request.text().catch(() => undefined);
  if (text === undefined || text.length > MAX_BODY_BYTES) return answer(413);

  const body = parseJson(text);
  const event = parseCalldogEvent(body);
  if (!event) {
    // A malformed body for a wrong token is still a wrong token.
    const known = await findConnectionIdByToken({ token, provider: "calldog" }).catch(() => undefined);
    return answer(known ? 400 : 404);
  }
  let result: Awaited<ReturnType<typeof storeWebhookEvent>>;
  try {
    result = await storeWebhookEvent({ token, provider: "calldog", dedupeKey: event.dedupeKey, kind: event.kind, body: text });
  } catch (error) {
    // Calldog retries a minute later; the cause, never the body, goes to the log.
    console.error("[webhooks] could not store a Calldog event:", (error as { code?: string }).code ?? (error instanceof Error ? error.name : "unknown"));
    return answer(503);
  }
  if (!result.connectionId) return answer(404);
  if (result.stored) nudgeWebhookEvents();
  return answer(200);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function answer(status: 200 | 400 | 404 | 413 | 503) {
  return NextResponse.json(status === 200 ? { ok: true } : { ok: false }, { status });
}
