/**
 * How a database outage reaches the error page. A production build sends the browser nothing of a server error but
 * its `digest`, and Next keeps an error's own digest: a `DatabaseUnavailableError` carries this one. An error met
 * elsewhere in a page (a query of its own, wrapped by Drizzle) gets a hash instead; the page then asks `/api/health`.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";

/** `/api/health`'s answer says the database does not answer (not merely that the queue is down). */
export function healthSaysDatabaseDown(body: unknown): boolean {
  const database = (body as { database?: { ok?: unknown } } | null | undefined)?.database;
  return typeof database === "object" && database !== null && database.ok === false;
}
