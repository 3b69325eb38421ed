import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { clientFor } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
import { failureFor, type RecordingFailure, recordingError, streamRecording } from "@/lib/recordings/stream";

const paramsSchema = z.object({
  connectionId: z.uuid(),
  batchId: z.string().regex(/^[\w-]{1,64}$/),
  callId: z.string().regex(/^[\w-]{1,64}$/),
});
const rangeSchema = z.string().regex(/^bytes=\d*-\d*$/);

/**
 * A Calldron call's recording, streamed through the app: the mp3 sits behind the connection's key, which
 * must not reach the browser. `Range` is passed on so the player can seek. Calldog recordings will get a
 * sibling route under /api/recordings/calldog/….
 */
export async function GET(request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
  const t = await getTranslations("recordings");
  const fail = (failure: RecordingFailure) => recordingError(failure, t(`errors.${failure}`));
  if (!(await currentUser())) return fail("unauthenticated");

  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return fail("notFound");
  const { connectionId, batchId, callId } = parsed.data;
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldron") return fail("notFound");
  const range = request.headers.get("range") ?? undefined;
  if (range !== undefined && !rangeSchema.safeParse(range).success) return fail("range");

  const client = clientFor(connection as Connection & { provider: "calldron" }, { signal: request.signal });
  try {
    const call = await client.showCall(batchId, callId);
    if (!call.recordUrl) return fail("noRecording");
    const upstream = await client.recording(call.recordUrl, range);
    return streamRecording(upstream, `recording-${batchId}-${callId}.mp3`);
  } catch (error) {
    if (error instanceof ProviderError) return fail(failureFor(error));
    console.error("[recordings] calldron recording failed:", error instanceof Error ? error.name : "unknown");
    return fail("unexpected");
  }
}
