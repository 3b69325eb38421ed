import { SafeError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/provider-error";

/** A provider's failure in words the user can act on (`batchErrors.*` in campaigns.json); anything else is passed on. */
export function providerSafeError(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  switch (error.kind) {
    case "auth":
      return new SafeError("batchErrors.auth");
    case "rate_limited":
      return new SafeError("batchErrors.rateLimited", { seconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000)) });
    case "not_found":
      return new SafeError("batchErrors.notFound");
    case "blocked":
      return new SafeError("providerBlocked");
    case "validation":
      return new SafeError("batchErrors.refused", { reason: error.providerMessage ?? "—" });
    case "unavailable":
      return new SafeError(error.cause === "timeout" ? "batchErrors.timeout" : error.cause === "network" ? "batchErrors.unreachable" : "batchErrors.server");
    default:
      return new SafeError("batchErrors.badResponse");
  }
}
