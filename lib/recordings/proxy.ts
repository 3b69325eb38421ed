import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { ProviderError } from "@/lib/providers/provider-error";
import { failureFor, type RecordingFailure, recordingError, streamRecording } from "@/lib/recordings/stream";

const rangeSchema = z.string().regex(/^bytes=\d*-\d*$/);

/** What a provider route finds for a call: the upstream answer to stream, or why there is none. */
export type RecordingSource = { upstream: Response; downloadName: string } | Extract<RecordingFailure, "notFound" | "noRecording">;

/**
 * The recording routes' common rules, for every provider: a session first (nothing reaches the provider
 * without one), a well-formed `Range` or 416, then the provider's answer streamed through with its range
 * headers; every failure is JSON in words, never the provider's URL or key. `fetch` finds the call and
 * asks the provider (its client applies the first-byte and idle limits).
 */
export async function proxyRecording(
  request: Request,
  provider: string,
  fetch: (input: { range: string | undefined; signal: AbortSignal }) => Promise<RecordingSource>,
): Promise<Response> {
  const t = await getTranslations("recordings");
  const fail = (failure: RecordingFailure) => recordingError(failure, t(`errors.${failure}`));
  if (!(await currentUser())) return fail("unauthenticated");
  const range = request.headers.get("range") ?? undefined;
  if (range !== undefined && !rangeSchema.safeParse(range).success) return fail("range");
  try {
    const source = await fetch({ range, signal: request.signal });
    if (typeof source === "string") return fail(source);
    return streamRecording(source.upstream, source.downloadName);
  } catch (error) {
    if (error instanceof ProviderError) return fail(failureFor(error));
    console.error(`[recordings] ${provider} recording failed:`, error instanceof Error ? error.name : "unknown");
    return fail("unexpected");
  }
}
