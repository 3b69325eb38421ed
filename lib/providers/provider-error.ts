import type { Provider } from "@/lib/db/schema";

/** `blocked`: the app itself refused to send, because the connection's base URL is no longer allowed (lib/providers/base-url.ts). */
export type ProviderErrorKind = "auth" | "validation" | "not_found" | "rate_limited" | "unavailable" | "bad_response" | "blocked";

/** Why a provider was unavailable, for messages such as "timed out" vs "unreachable". */
export type UnavailableCause = "timeout" | "network" | "server";

/** A failed provider call. Its message never contains a key: paths are redacted before they get here. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly provider: Provider;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly cause?: UnavailableCause;
  readonly retryAfterMs?: number;
  /** The provider's own error text (already redacted), when it gave one. */
  readonly providerMessage?: string;
  /**
   * The request may have reached the service and been carried out (a timeout or reset after sending, a 5xx, a
   * success we could not read): a create must be looked up before it is sent again.
   */
  readonly maybeProcessed: boolean;

  constructor(init: {
    kind: ProviderErrorKind;
    provider: Provider;
    method: string;
    path: string;
    status?: number;
    cause?: UnavailableCause;
    retryAfterMs?: number;
    providerMessage?: string;
    maybeProcessed?: boolean;
  }) {
    const status = init.status ? ` ${init.status}` : "";
    const detail = init.providerMessage ? `: ${init.providerMessage}` : init.cause ? ` (${init.cause})` : "";
    super(`${init.provider} ${init.method} ${init.path} failed${status} [${init.kind}]${detail}`);
    this.name = "ProviderError";
    this.kind = init.kind;
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.cause = init.cause;
    this.retryAfterMs = init.retryAfterMs;
    this.providerMessage = init.providerMessage;
    this.maybeProcessed = init.maybeProcessed ?? false;
  }
}

export function kindForStatus(status: number): ProviderErrorKind {
  // Redirects are not followed (the key must not travel to another host): one is an answer we cannot use.
  if (status < 400) return "bad_response";
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "validation";
}
