import "server-only";
import type { ProviderError } from "@/lib/providers/provider-error";

/** Headers passed on from the provider's answer; nothing else (no URL, no cookies, no server names). */
const PASSED_HEADERS = ["content-length", "content-range", "last-modified", "etag"] as const;

/**
 * The app's answer for a recording fetched from a provider: the body streams through untouched, with the
 * status (200/206) and range headers, so that the browser's player can seek.
 */
export function streamRecording(upstream: Response, downloadName: string): Response {
  const headers = new Headers({
    "content-type": audioType(upstream.headers.get("content-type")),
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=300",
    "content-disposition": `inline; filename="${downloadName}"`,
    "x-content-type-options": "nosniff",
  });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status === 206 ? 206 : 200, headers });
}

/** Recordings are mp3; a provider that labels them oddly (or not at all) is not believed. */
function audioType(type: string | null): string {
  const base = type?.split(";")[0]?.trim().toLowerCase();
  return base?.startsWith("audio/") ? base : "audio/mpeg";
}

export type RecordingFailure = "unauthenticated" | "notFound" | "noRecording" | "range" | "auth" | "rateLimited" | "timeout" | "unavailable" | "unexpected";

/** The HTTP status for each way a recording can fail; a provider's trouble is the gateway's (502/503/504), not the user's. */
const STATUS: Record<RecordingFailure, number> = {
  unauthenticated: 401,
  notFound: 404,
  noRecording: 404,
  range: 416,
  auth: 502,
  rateLimited: 503,
  timeout: 504,
  unavailable: 502,
  unexpected: 502,
};

/** A JSON `{error}` in words: the player shows it instead of a dead control. */
export function recordingError(failure: RecordingFailure, message: string): Response {
  return Response.json({ error: message }, { status: STATUS[failure], headers: { "cache-control": "no-store" } });
}

export function failureFor(error: ProviderError): RecordingFailure {
  if (error.status === 416) return "range";
  switch (error.kind) {
    case "not_found":
      return "notFound";
    case "auth":
      return "auth";
    case "rate_limited":
      return "rateLimited";
    case "unavailable":
      return error.cause === "timeout" ? "timeout" : "unavailable";
    default:
      return "unexpected";
  }
}
