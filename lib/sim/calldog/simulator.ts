import { CALLDOG_SIM_ACCOUNTS } from "@/lib/sim/calldog/simulator-accounts";
import { AudioCache } from "@/lib/sim/calldog/simulator-audio";
import { seedDemoData } from "@/lib/sim/calldog/simulator-demo-data";
import { authMethod, presentedKey } from "@/lib/sim/calldog/simulator-http";
import { advanceCalls } from "@/lib/sim/calldog/simulator-lifecycle";
import { route } from "@/lib/sim/calldog/simulator-routes";
import { type SimState, initialState, restoreState, snapshotState } from "@/lib/sim/calldog/simulator-state";
import { deliverWebhooks } from "@/lib/sim/calldog/simulator-webhooks";
import type { ProviderSim, SimRequest, SimResponse } from "@/lib/sim/types";

export { CALLDOG_SIM_ACCOUNTS };

export const CALLDOG_SIM_PREFIX = "/calldog";

/** The Calldog simulator: accounts, records, caller ids, calls on the simulated clock, webhooks, moderation. */
export function createCalldogSim(opts: { demoData?: boolean } = {}): ProviderSim {
  let state: SimState = initialState(Date.now());
  if (opts.demoData) seedDemoData(state, Date.now());
  const cache = new AudioCache();

  return {
    provider: "calldog",
    prefix: CALLDOG_SIM_PREFIX,
    presentedKey,
    authMethod,
    loggedPhone: createdPhones,
    loggedPlannedAt: createdPlannedAt,
    handle: (req, ctx) => route(state, cache, req, ctx),
    async tick(ctx) {
      advanceCalls(state, ctx);
      await deliverWebhooks(state, ctx);
    },
    describeAccounts: () => CALLDOG_SIM_ACCOUNTS.map((a) => ({ key: a.key, label: `${a.name}: ${a.label}` })),
    snapshot: () => snapshotState(state),
    restore(raw) {
      state = restoreState(raw);
    },
    control: (action, body) => control(state, action, body),
  };
}

/** The numbers of an `apiCalls/create` (11 digits each, comma-joined) for the request log; tests count calls by them. */
function createdPhones(req: SimRequest): string | undefined {
  if (req.method !== "POST" || !/^\/apiCalls\/create\/?$/.test(req.path)) return undefined;
  try {
    const body = JSON.parse(req.body.toString("utf8")) as { phone?: unknown; phones?: unknown };
    const phones = Array.isArray(body.phones) ? body.phones : [body.phone];
    const list = phones.filter((p): p is string => typeof p === "string").map((p) => p.slice(0, 20));
    return list.length > 0 ? list.join(",") : undefined;
  } catch {
    return undefined;
  }
}

/** The `plannedAt` of an `apiCalls/create` (unix seconds) for the request log; tests check it lies in the calling window. */
function createdPlannedAt(req: SimRequest): number | undefined {
  if (req.method !== "POST" || !/^\/apiCalls\/create\/?$/.test(req.path)) return undefined;
  try {
    const body = JSON.parse(req.body.toString("utf8")) as { plannedAt?: unknown };
    return typeof body.plannedAt === "number" && Number.isFinite(body.plannedAt) ? body.plannedAt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `POST /_sim/calldog/approve` with `{recordId}` lifts moderation from a record, with `{account}` (id or name)
 * from the whole account; waiting calls start on the next tick.
 */
function control(state: SimState, action: string, body: Record<string, unknown>): SimResponse | undefined {
  if (action !== "approve") return undefined;
  if (body.recordId !== undefined) {
    const record = state.records.get(Number(body.recordId));
    if (!record) return { status: 404, body: { error: "no such record" } };
    record.moderated = true;
    return { status: 200, body: { ok: true, recordId: record.id } };
  }
  if (body.account !== undefined) {
    const account = state.accounts.find((a) => a.id === Number(body.account) || a.name === body.account);
    if (!account) return { status: 404, body: { error: "no such account" } };
    account.moderation = false;
    return { status: 200, body: { ok: true, account: account.id } };
  }
  return { status: 400, body: { error: "give recordId or account" } };
}
