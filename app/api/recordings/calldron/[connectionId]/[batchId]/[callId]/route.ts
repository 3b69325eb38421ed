import { z } from "zod";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { clientFor } from "@/lib/providers/connection-clients";
import { proxyRecording } from "@/lib/recordings/proxy";

const paramsSchema = z.object({
  connectionId: z.uuid(),
  batchId: z.string().regex(/^[\w-]{1,64}$/),
  callId: z.string().regex(/^[\w-]{1,64}$/),
});

/**
 * A Calldron call's recording, streamed through the app: the mp3 sits behind the connection's key, which
 * must not reach the browser. `Range` is passed on so the player can seek (lib/recordings/proxy.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
  return proxyRecording(request, "calldron", async ({ range, signal }) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return "notFound";
    const { connectionId, batchId, callId } = parsed.data;
    const connection = await findConnection({ id: connectionId });
    if (connection?.provider !== "calldron") return "notFound";
    const client = clientFor(connection as Connection & { provider: "calldron" }, { signal });
    const call = await client.showCall(batchId, callId);
    if (!call.recordUrl) return "noRecording";
    return { upstream: await client.recording(call.recordUrl, range), downloadName: `recording-${batchId}-${callId}.mp3` };
  });
}
