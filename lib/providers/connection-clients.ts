import "server-only";
import { openApiKey } from "@/lib/crypto/connection-key";
import { findConnection, listConnections } from "@/lib/db/queries/connections";
import type { Connection, Provider } from "@/lib/db/schema";
import { baseUrlProblem } from "@/lib/providers/base-url";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { type ConnectionTestResult, resultForError } from "@/lib/providers/connection-test";
import type { ProviderClientOptions } from "@/lib/providers/http";
import { createObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import { ProviderError } from "@/lib/providers/provider-error";

/**
 * How long provider calls may take, each call with all its attempts and back-off waits (`deadlineMs`), each attempt
 * (`timeoutMs`, to the first byte for a recording). A page shows what it has; a user waits on a button for an
 * action; a background task can afford to wait out a slow provider.
 */
export const CALL_BUDGETS = {
  page: { deadlineMs: 8_000, timeoutMs: 6_000 },
  action: { deadlineMs: 30_000, timeoutMs: 20_000 },
  task: { deadlineMs: 90_000, timeoutMs: 30_000 },
} as const;
export type CallBudget = keyof typeof CALL_BUDGETS;

export type ClientForOptions = {
  /** Default `action`; pages read through readEachConnection / readConnection, which use `page`. */
  budget?: CallBudget;
  /** Ends every call of the client early: a page's overall deadline, a request the browser gave up, a paused task. */
  signal?: AbortSignal;
};

const clientFactories = {
  calldron: createCalldronClient,
  calldog: createCalldogClient,
  obzvonilka: createObzvonilkaClient,
};
type Clients = { [P in Provider]: ReturnType<(typeof clientFactories)[P]> };

/**
 * A provider client for a stored connection, with its key decrypted here on the server. The base URL was allowed
 * when it was saved, but the rule or the address it resolves to may have changed since (a deployment moved to
 * production, a DNS record now pointing inside): the client asks the rule again before its first request and
 * sends nothing, failing as `blocked`, when the URL is no longer allowed.
 */
export function clientFor<P extends Provider>(connection: Connection & { provider: P }, options: ClientForOptions = {}): Clients[P] {
  const factory = clientFactories[connection.provider] as (options: ProviderClientOptions) => Clients[P];
  const budget = CALL_BUDGETS[options.budget ?? "action"];
  return factory({ baseUrl: connection.baseUrl, apiKey: openApiKey(connection), ...budget, signal: options.signal, guard: baseUrlGuard(connection) });
}

/** The base-URL rule for one client: asked once, on its first request. */
export function baseUrlGuard(connection: Pick<Connection, "provider" | "baseUrl">, check = recentBaseUrlProblem): () => Promise<void> {
  let verdict: ReturnType<typeof baseUrlProblem> | undefined;
  return async () => {
    verdict ??= check(connection.baseUrl);
    const problem = await verdict;
    if (problem) throw new ProviderError({ kind: "blocked", provider: connection.provider, method: "-", path: "(base URL)", providerMessage: problem });
  };
}

/**
 * `baseUrlProblem` remembered for a minute per URL: a page makes a client per connection on every request, and the
 * rule's DNS lookup need not be made each time. A URL that stops being allowed is refused within the minute.
 */
const VERDICT_TTL_MS = 60_000;
const verdicts = new Map<string, { at: number; verdict: ReturnType<typeof baseUrlProblem> }>();
function recentBaseUrlProblem(url: string): ReturnType<typeof baseUrlProblem> {
  const hit = verdicts.get(url);
  if (hit && Date.now() - hit.at < VERDICT_TTL_MS) return hit.verdict;
  if (verdicts.size > 1_000) verdicts.clear();
  const verdict = baseUrlProblem(url);
  verdicts.set(url, { at: Date.now(), verdict });
  return verdict;
}

export type ConnectionRead<T> = {
  connection: { id: string; name: string; provider: Provider };
} & ({ ok: true; data: T } | { ok: false; error: ConnectionTestResult });

/**
 * Reads the same thing from every connection of a provider, side by side: one failing account shows
 * its error in words and does not hide the others. Each connection's read, however many provider calls
 * it makes, ends within the page budget's deadline (then it shows as timed out).
 */
export async function readEachConnection<P extends Provider, T>(
  provider: P,
  read: (client: Clients[P], connection: Connection) => Promise<T>,
): Promise<ConnectionRead<T>[]> {
  const connections = (await listConnections()).filter((c): c is Connection & { provider: P } => c.provider === provider);
  return Promise.all(connections.map((c) => readOne(c, read)));
}

/** The same for one connection, by id; undefined when there is no such connection of that provider. */
export async function readConnection<P extends Provider, T>(
  provider: P,
  connectionId: string,
  read: (client: Clients[P], connection: Connection) => Promise<T>,
): Promise<ConnectionRead<T> | undefined> {
  const c = await findConnection({ id: connectionId });
  return c && c.provider === provider ? readOne(c as Connection & { provider: P }, read) : undefined;
}

async function readOne<P extends Provider, T>(
  c: Connection & { provider: P },
  read: (client: Clients[P], connection: Connection) => Promise<T>,
): Promise<ConnectionRead<T>> {
  const connection = { id: c.id, name: c.name, provider: c.provider };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException("page deadline", "TimeoutError")), CALL_BUDGETS.page.deadlineMs);
  try {
    const data = await withinDeadline(read(clientFor(c, { budget: "page", signal: deadline.signal }), c), deadline.signal);
    return { connection, ok: true, data };
  } catch (error) {
    if (error instanceof ProviderError) return { connection, ok: false, error: resultForError(error) };
    if (error === DEADLINE_PASSED) return { connection, ok: false, error: "timeout" };
    console.error(`[providers] reading ${c.provider} connection ${c.id} failed:`, error instanceof Error ? error.name : "unknown");
    return { connection, ok: false, error: "unexpected" };
  } finally {
    clearTimeout(timer);
  }
}

const DEADLINE_PASSED = Symbol("deadline passed");

/** The read's own result, or DEADLINE_PASSED when the signal fires first (work that is not a provider call included). */
function withinDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(DEADLINE_PASSED);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
