import "server-only";
import { openApiKey } from "@/lib/crypto/connection-key";
import type { Connection, Provider } from "@/lib/db/schema";
import { findConnection, listConnections } from "@/lib/db/queries/connections";
import { createCalldogClient } from "@/lib/providers/calldog/client";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { type ConnectionTestResult, resultForError } from "@/lib/providers/connection-test";
import { createObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import { ProviderError } from "@/lib/providers/provider-error";

/** Pages must answer promptly: a read for a page waits at most this long for a provider. */
const PAGE_READ_TIMEOUT_MS = 8_000;

const clientFactories = {
  calldron: createCalldronClient,
  calldog: createCalldogClient,
  obzvonilka: createObzvonilkaClient,
};
type Clients = { [P in Provider]: ReturnType<(typeof clientFactories)[P]> };

/** A provider client for a stored connection, with its key decrypted here on the server. */
export function clientFor<P extends Provider>(connection: Connection & { provider: P }): Clients[P] {
  const factory = clientFactories[connection.provider] as (options: { baseUrl: string; apiKey: string; timeoutMs: number }) => Clients[P];
  return factory({ baseUrl: connection.baseUrl, apiKey: openApiKey(connection), timeoutMs: PAGE_READ_TIMEOUT_MS });
}

export type ConnectionRead<T> = {
  connection: { id: string; name: string; provider: Provider };
} & ({ ok: true; data: T } | { ok: false; error: ConnectionTestResult });

/**
 * Reads the same thing from every connection of a provider, side by side: one failing account shows
 * its error in words and does not hide the others.
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
  try {
    return { connection, ok: true, data: await read(clientFor(c), c) };
  } catch (error) {
    if (error instanceof ProviderError) return { connection, ok: false, error: resultForError(error) };
    console.error(`[providers] reading ${c.provider} connection ${c.id} failed:`, error instanceof Error ? error.name : "unknown");
    return { connection, ok: false, error: "unexpected" };
  }
}
