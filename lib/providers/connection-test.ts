import { createCalldogClient } from "@/lib/providers/calldog/client";
import { createCalldronClient } from "@/lib/providers/calldron/client";
import { createObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import type { Provider } from "@/lib/db/schema";
import { ProviderError } from "@/lib/providers/provider-error";

export type ConnectionTestResult = "ok" | "auth" | "unreachable" | "timeout" | "rate_limited" | "server" | "blocked" | "unexpected";

const TEST_TIMEOUT_MS = 8_000;
/** An admin waits on the button: the whole test, retries included, ends within this. */
const TEST_DEADLINE_MS = 12_000;

/** One cheap authenticated call per provider (Calldron GET batches, Calldog userInfo, Obzvonilka users.json). */
export async function testConnection(input: {
  provider: Provider;
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  deadlineMs?: number;
}): Promise<ConnectionTestResult> {
  const options = {
    baseUrl: input.baseUrl,
    apiKey: input.apiKey,
    timeoutMs: input.timeoutMs ?? TEST_TIMEOUT_MS,
    deadlineMs: input.deadlineMs ?? TEST_DEADLINE_MS,
  };
  try {
    if (input.provider === "calldron") await createCalldronClient(options).ping();
    else if (input.provider === "calldog") await createCalldogClient(options).ping();
    else await createObzvonilkaClient(options).ping();
    return "ok";
  } catch (error) {
    if (!(error instanceof ProviderError)) return "unexpected";
    return resultForError(error);
  }
}

export function resultForError(error: ProviderError): ConnectionTestResult {
  switch (error.kind) {
    case "auth":
      return "auth";
    case "rate_limited":
      return "rate_limited";
    case "blocked":
      return "blocked";
    case "unavailable":
      return error.cause === "timeout" ? "timeout" : error.cause === "network" ? "unreachable" : "server";
    default:
      return "unexpected";
  }
}
