import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { type ContactsAnswer, contactRow } from "@/lib/obzvonilka/contact-rows";
import { clientFor } from "@/lib/providers/connection-clients";
import { resultForError } from "@/lib/providers/connection-test";
import { ProviderError } from "@/lib/providers/provider-error";

const paramsSchema = z.object({ connectionId: z.uuid(), baseId: z.coerce.number().int().positive().max(2 ** 31) });

/**
 * A base's contacts for the browser's table, read whole (the API has no paging) and cut to the table's fields.
 * A route handler rather than an action: the answer can be several megabytes, and a GET is cached by react-query.
 */
export async function GET(_request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
  if (!(await currentUser())) return answer(401, { ok: false, reason: "unauthenticated" });
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return answer(404, { ok: false, reason: "base_not_found" });
  const connection = await findConnection({ id: parsed.data.connectionId });
  if (connection?.provider !== "obzvonilka") return answer(404, { ok: false, reason: "connection_not_found" });
  try {
    const client = clientFor(connection as Connection & { provider: "obzvonilka" }, { budget: "action" });
    const contacts = await client.listContacts(parsed.data.baseId);
    return answer(200, { ok: true, contacts: contacts.map(contactRow) });
  } catch (error) {
    if (error instanceof ProviderError) {
      return answer(502, { ok: false, reason: error.kind === "not_found" ? "base_not_found" : resultForError(error) });
    }
    console.error("[obzvonilka] reading contacts failed:", error instanceof Error ? error.name : "unknown");
    return answer(500, { ok: false, reason: "unexpected" });
  }
}

function answer(status: number, body: ContactsAnswer): Response {
  return Response.json(body, { status, headers: { "cache-control": "private, no-store" } });
}
