import { z } from "zod";
import { findCall } from "@/lib/db/queries/campaign-results";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { clientFor } from "@/lib/providers/connection-clients";
import { proxyRecording } from "@/lib/recordings/proxy";

const paramsSchema = z.object({ callId: z.uuid() });

/**
 * A Calldog call's recording (by the app's `calls.id`), streamed through the app under the same rules as
 * Calldron's (lib/recordings/proxy.ts): the stored reference is what `apiCalls/get` or a webhook gave, without
 * the key; the client adds the key and sends it only to the connection's own host.
 */
export async function GET(request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
  return proxyRecording(request, "calldog", async ({ range, signal }) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return "notFound";
    const call = await findCall({ id: parsed.data.callId });
    if (call?.provider !== "calldog") return "notFound";
    if (!call.recordingRef) return "noRecording";
    const connection = await findConnection({ id: call.connectionId });
    if (connection?.provider !== "calldog") return "notFound";
    const client = clientFor(connection as Connection & { provider: "calldog" }, { signal });
    return { upstream: await client.recording(call.recordingRef, range), downloadName: `call-${call.id}.mp3` };
  });
}
