import { SafeError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/provider-error";

/**
 * A provider's failure as a message for the user (a key under `errors`); anything else is thrown on, to become
 * the generic message. `notFound` names what was missing (e.g. "listNotFound").
 */
export function providerFailure(error: unknown, { notFound = "providerNotFound" }: { notFound?: string } = {}): never {
  if (!(error instanceof ProviderError)) throw error;
  const key = {
    auth: "providerAuth",
    rate_limited: "providerBusy",
    unavailable: "providerUnavailable",
    bad_response: "providerUnavailable",
    validation: "providerRefused",
    not_found: notFound,
    blocked: "providerBlocked",
  }[error.kind];
  throw new SafeError(key);
}

/** True when a write may have taken effect although no answer said so: it must be looked up, not sent again. */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ProviderError && (error.kind === "unavailable" || error.kind === "bad_response");
}
