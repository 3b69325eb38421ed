import { ProviderError } from "@/lib/providers/provider-error";

/** Why a Calldog call failed, in terms a page can put into words (`calldogErrors.<reason>`). */
export type CalldogFailureReason = "auth" | "timeout" | "unreachable" | "server" | "rate_limited" | "refused" | "not_found" | "bad_response" | "blocked" | "unexpected";

export type CalldogFailure = { reason: CalldogFailureReason; providerMessage?: string };

/**
 * A failure for the user. The provider's own text is passed on only where it explains a refusal of what
 * the user sent; the transport has already redacted any key from it.
 */
export function calldogFailure(error: unknown): CalldogFailure {
  if (!(error instanceof ProviderError)) return { reason: "unexpected" };
  switch (error.kind) {
    case "auth":
      return { reason: "auth" };
    case "rate_limited":
      return { reason: "rate_limited" };
    case "unavailable":
      return { reason: error.cause === "timeout" ? "timeout" : error.cause === "network" ? "unreachable" : "server" };
    case "validation":
      return { reason: "refused", providerMessage: error.providerMessage?.slice(0, 300) };
    case "not_found":
      return { reason: "not_found" };
    case "blocked":
      return { reason: "blocked" };
    default:
      return { reason: "bad_response" };
  }
}

/** A failure after which the service may still have acted (a flash call may have been made). */
export function outcomeUnknown(failure: CalldogFailure): boolean {
  return failure.reason === "timeout" || failure.reason === "server" || failure.reason === "bad_response";
}
