import { getDb } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/outage-digest";

/**
 * A database outage as the app sees it: the server restarting, stopped or unreachable. The `pg` pool recovers by
 * itself (a broken connection is dropped, the next query opens a new one), so whoever meets this error waits for the
 * database and carries on; it is not a failure of the work being done. Anything else (a constraint, a syntax error)
 * is not an outage.
 */
export class DatabaseUnavailableError extends Error {
  readonly kind = "database_unavailable";
  /** Kept by Next when a page throws this: the error page tells the outage from other errors by it. */
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(
    /** The driver's code (`57P01`, `ECONNREFUSED`…) or `terminated` for a connection cut without one. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable (${code})`, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** Connection-level failures: the socket (Node), class 08 (connection exception), 57P01–57P03 (shutdown, starting up). */
const OUTAGE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
/** What node-postgres throws, without a code, for a connection cut under a query or a client that broke earlier. */
const OUTAGE_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;

/** The outage behind `error` (looked for along its `cause` chain: Drizzle wraps the driver's error), if it is one. */
export function databaseOutage(error: unknown): DatabaseUnavailableError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return e;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && OUTAGE_CODES.has(code)) return new DatabaseUnavailableError(code, { cause: error });
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && OUTAGE_MESSAGES.test(message)) return new DatabaseUnavailableError("terminated", { cause: error });
    const errors = (e as { errors?: unknown }).errors;
    // Several addresses refused at once (IPv6 and IPv4) come as an AggregateError.
    if (Array.isArray(errors) && errors.length > 0 && errors.every((x) => databaseOutage(x))) return new DatabaseUnavailableError(databaseOutage(errors[0])?.code ?? "ECONNREFUSED", { cause: error });
  }
  return undefined;
}

/**
 * Waits until the database answers again (`select 1`, every `everyMs`), at most `maxMs`; true when it did. Another
 * kind of error while waiting ends the wait (false): it is not this outage any more.
 */
export async function waitForDatabase({ maxMs = 5 * 60_000, everyMs = 500 }: { maxMs?: number; everyMs?: number } = {}): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    try {
      await (await getDb()).raw.query("select 1");
      return true;
    } catch (error) {
      if (!databaseOutage(error)) return false;
    }
    if (Date.now() + everyMs > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
