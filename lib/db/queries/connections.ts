import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type Connection, connections, type Provider } from "@/lib/db/schema";

/** What any signed-in user may see of a connection: never the key nor its last digits. */
export type ConnectionSummary = Pick<Connection, "id" | "name" | "provider">;

export async function listConnections(): Promise<Connection[]> {
  return (await db()).select().from(connections).orderBy(asc(connections.provider), asc(connections.name));
}

export async function listConnectionSummaries(): Promise<ConnectionSummary[]> {
  return (await db())
    .select({ id: connections.id, name: connections.name, provider: connections.provider })
    .from(connections)
    .orderBy(asc(connections.provider), asc(connections.name));
}

export async function findConnection({ id }: { id: string }): Promise<Connection | undefined> {
  const [row] = await (await db()).select().from(connections).where(eq(connections.id, id));
  return row;
}

export async function insertConnection({
  connection,
}: {
  connection: { id: string; name: string; provider: Provider; baseUrl: string; apiKeySealed: string; apiKeyLast4: string };
}): Promise<Connection> {
  const [row] = await (await db()).insert(connections).values(connection).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateConnection({
  id,
  patch,
}: {
  id: string;
  patch: Partial<Pick<Connection, "name" | "baseUrl" | "apiKeySealed" | "apiKeyLast4" | "lastTestAt" | "lastTestResult">>;
}): Promise<Connection | undefined> {
  const [row] = await (await db())
    .update(connections)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(connections.id, id))
    .returning();
  return row;
}

export async function deleteConnection({ id }: { id: string }): Promise<Connection | undefined> {
  const [row] = await (await db()).delete(connections).where(eq(connections.id, id)).returning();
  return row;
}
