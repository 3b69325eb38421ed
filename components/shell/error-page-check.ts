import { DATABASE_UNAVAILABLE_DIGEST, healthSaysDatabaseDown } from "@/lib/db/outage-digest";

export type ErrorPageKind = "databaseUnavailable" | "generic";
export type ErrorPageCheck = { kind: ErrorPageKind; sawDown: boolean; next: "recheck" | "retry" | "stop" };

/**
 * One health check of the error page, and what follows it. The page shows the outage when the error carries its
 * digest or the health check says the database is down; it checks again while the database is down (or the app
 * does not answer during an outage), and shows the page again by itself once the database is back — only after it
 * saw it down, so that a page that keeps failing with a healthy database is never reloaded in a loop.
 */
export function errorPageCheck({ digest, health, sawDown }: { digest?: string; health: unknown; sawDown: boolean }): ErrorPageCheck {
  const byDigest = digest === DATABASE_UNAVAILABLE_DIGEST;
  const down = healthSaysDatabaseDown(health);
  const unanswered = health === undefined;
  const seen = sawDown || down;
  const kind: ErrorPageKind = byDigest || seen ? "databaseUnavailable" : "generic";
  if (down || (unanswered && kind === "databaseUnavailable")) return { kind, sawDown: seen, next: "recheck" };
  return { kind, sawDown: seen, next: seen ? "retry" : "stop" };
}
