import type { Provider } from "@/lib/db/schema";
import type { SimClock } from "@/lib/sim/clock";
import type { Rng } from "@/lib/sim/rng";

export type SimRequest = {
  method: string;
  /** Path below the provider's prefix, e.g. `/batches/3/calls` for Calldron, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The public base URL of this provider on the simulator (for record_url and the like), ends with `/`. */
  baseUrl: string;
};

export type SimResponse = {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a Buffer or string as is. */
  body?: unknown;
};

export type SimContext = {
  clock: SimClock;
  rng: Rng;
  /** Outcome settings (answer/busy rates, durations); shared by all providers. */
  outcomes: OutcomeSettings;
  /** POSTs JSON to a URL (Calldog webhooks); resolves to the HTTP status, or 0 on a network error. */
  postJson: (url: string, body: unknown) => Promise<number>;
};

export type OutcomeSettings = {
  answerRate: number;
  busyRate: number;
  minTalkSeconds: number;
  maxTalkSeconds: number;
};

/** What a provider module gives the shared server. */
export interface ProviderSim {
  readonly provider: Provider;
  /** URL prefix on the simulator, e.g. `/calldron/v1`. */
  readonly prefix: string;
  /** The account key the request presents (whatever its validity), for capacity and logging; never logged itself. */
  presentedKey(req: SimRequest): string | undefined;
  /** How the request authenticated, for the request log: e.g. `basic`, `query:api_key`, `body:apiKey`, `none`. */
  authMethod(req: SimRequest): string;
  handle(req: SimRequest, ctx: SimContext): Promise<SimResponse> | SimResponse;
  /** Advances lifecycles to ctx.clock.now() (fires webhooks and the like). */
  tick?(ctx: SimContext): Promise<void> | void;
  /** The demo keys and what each account holds, printed at start. */
  describeAccounts(): { key: string; label: string }[];
  snapshot(): unknown;
  restore(state: unknown): void;
  /** The phone number a request is about (a new call or subscriber), for the request log; not a secret. */
  loggedPhone?(req: SimRequest): string | undefined;
  /** The start a request asks for (Calldog's `plannedAt`, unix seconds), for the request log; tests check it against the window. */
  loggedPlannedAt?(req: SimRequest): number | undefined;
  /** Control-plane actions specific to this provider (e.g. Calldog moderation approval). */
  control?(action: string, body: Record<string, unknown>, ctx: SimContext): SimResponse | undefined;
}

export type FaultSettings = {
  latencyMs: number;
  /** 0..1: share of requests answered with one of errorStatuses. */
  errorRate: number;
  errorStatuses: number[];
  /** 0..1: share answered 429 with Retry-After. */
  rateLimitRate: number;
  retryAfterSeconds: number;
  /** 0..1 each. */
  malformedRate: number;
  resetRate: number;
  hangRate: number;
  /** 0..1: processed as usual, then the connection is cut before the answer (the client cannot know it happened). */
  dropAfterRate: number;
  /** Concurrent requests per account beyond which the answer is 429 (0 = unlimited). */
  maxConcurrentPerAccount: number;
  /** Only requests whose "METHOD path" matches this regular expression are affected (empty = all). */
  match: string;
};

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  errorStatuses: [500, 502, 503],
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  malformedRate: 0,
  resetRate: 0,
  hangRate: 0,
  dropAfterRate: 0,
  maxConcurrentPerAccount: 0,
  match: "",
};

export type RequestLogEntry = {
  at: string;
  method: string;
  path: string;
  auth: string;
  /** The JSON/form body with every value replaced by its type; keys are redacted. */
  bodyShape: unknown;
  status: number;
  fault?: string;
  /** For creates of calls and subscribers: the number asked for, so tests can see which number each was. */
  phone?: string;
  /** For creates of planned calls: the `plannedAt` asked for (unix seconds). */
  plannedAt?: number;
};

export type SimulatorHandles = { ctx: SimContext; providers: ProviderSim[] };
export type { Rng, SimClock };
