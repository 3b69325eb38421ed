import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, databaseOutage } from "@/lib/db/outage";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/outage-digest";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("databaseOutage", () => {
  it("recognises a server shutting down or starting, a refused or cut connection, also wrapped by Drizzle", () => {
    expect(databaseOutage(withCode("57P01", "terminating connection due to administrator command"))?.code).toBe("57P01");
    expect(databaseOutage(withCode("57P03", "the database system is starting up"))?.code).toBe("57P03");
    expect(databaseOutage(withCode("ECONNREFUSED"))?.code).toBe("ECONNREFUSED");
    expect(databaseOutage(new Error("Connection terminated unexpectedly"))?.code).toBe("terminated");
    const wrapped = new Error("Failed query: select 1", { cause: withCode("08006") });
    expect(databaseOutage(wrapped)).toBeInstanceOf(DatabaseUnavailableError);
    expect(databaseOutage(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))?.code).toBe("ECONNREFUSED");
  });

  it("carries the digest the error page knows it by, and a message with no query, parameters or address", () => {
    const wrapped = new Error("Failed query: select * from users where id = $1\nparams: secret-id", { cause: withCode("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.5:5432") });
    const outage = databaseOutage(wrapped);
    expect(outage?.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(outage?.message).toBe("database unavailable (ECONNREFUSED)");
  });

  it("leaves every other error alone: constraints, syntax, the app's own", () => {
    expect(databaseOutage(withCode("23505", "duplicate key value violates unique constraint"))).toBeUndefined();
    expect(databaseOutage(withCode("42601", "syntax error"))).toBeUndefined();
    expect(databaseOutage(new Error("boom"))).toBeUndefined();
    expect(databaseOutage(undefined)).toBeUndefined();
  });
});
