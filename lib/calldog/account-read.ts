import "server-only";
import { type CalldogFailure, calldogFailure } from "@/lib/calldog/provider-failure";
import type { Connection } from "@/lib/db/schema";
import type { CalldogClient } from "@/lib/providers/calldog/client";
import { clientFor } from "@/lib/providers/connection-clients";

export type CalldogRead<T> = { ok: true; data: T } | { ok: false; failure: CalldogFailure };

/** One read from a Calldog account for a page: its data, or why it failed in words (never thrown to the error page). */
export async function readCalldog<T>(connection: Connection, read: (client: CalldogClient) => Promise<T>): Promise<CalldogRead<T>> {
  try {
    return { ok: true, data: await read(clientFor(connection as Connection & { provider: "calldog" }, { budget: "page" })) };
  } catch (error) {
    const failure = calldogFailure(error);
    if (failure.reason === "unexpected") console.error("[calldog] account read failed:", error instanceof Error ? error.name : "unknown");
    return { ok: false, failure };
  }
}
