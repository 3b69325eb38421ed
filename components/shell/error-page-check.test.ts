import { describe, expect, it } from "vitest";
import { errorPageCheck } from "@/components/shell/error-page-check";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/outage-digest";

const down = { ok: false, status: "database_unavailable", database: { ok: false, status: "unavailable", code: "ECONNREFUSED" }, queue: { ok: false } };
const up = { ok: true, status: "ok", database: { ok: true, driver: "postgres" }, queue: { ok: true } };
const queueOnlyDown = { ok: false, status: "queue_down", database: { ok: true, driver: "postgres" }, queue: { ok: false } };

describe("the error page's outage message", () => {
  it("shows the outage for its digest, or when the health check finds the database down, and checks again while it is", () => {
    expect(errorPageCheck({ digest: DATABASE_UNAVAILABLE_DIGEST, health: null, sawDown: false }).kind).toBe("databaseUnavailable");
    expect(errorPageCheck({ digest: "123456", health: down, sawDown: false })).toEqual({ kind: "databaseUnavailable", sawDown: true, next: "recheck" });
    // The app itself not answering during an outage (it may be restarting too): keep checking.
    expect(errorPageCheck({ digest: "123456", health: undefined, sawDown: true })).toEqual({ kind: "databaseUnavailable", sawDown: true, next: "recheck" });
  });

  it("shows the page again by itself once a database seen down answers, and never reloads in a loop otherwise", () => {
    expect(errorPageCheck({ digest: "123456", health: up, sawDown: true })).toEqual({ kind: "databaseUnavailable", sawDown: true, next: "retry" });
    // The digest says outage but the database already answers: the message stays, the user retries.
    expect(errorPageCheck({ digest: DATABASE_UNAVAILABLE_DIGEST, health: up, sawDown: false })).toEqual({ kind: "databaseUnavailable", sawDown: false, next: "stop" });
  });

  it("keeps the generic message for any other error, a down queue included", () => {
    expect(errorPageCheck({ digest: "123456", health: up, sawDown: false })).toEqual({ kind: "generic", sawDown: false, next: "stop" });
    expect(errorPageCheck({ digest: "123456", health: queueOnlyDown, sawDown: false })).toEqual({ kind: "generic", sawDown: false, next: "stop" });
    expect(errorPageCheck({ digest: undefined, health: undefined, sawDown: false })).toEqual({ kind: "generic", sawDown: false, next: "stop" });
  });
});
