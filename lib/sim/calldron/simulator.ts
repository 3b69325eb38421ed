import { seedDemoData } from "@/lib/sim/calldron/simulator-demo-data";
import { advanceAccount } from "@/lib/sim/calldron/simulator-lifecycle";
import { MediaCache } from "@/lib/sim/calldron/simulator-media";
import { route } from "@/lib/sim/calldron/simulator-routes";
import { emptyState, isSimState, type SimState } from "@/lib/sim/calldron/simulator-state";
import { CALLDRON_SIM_ACCOUNTS, CALLDRON_SIM_PREFIX } from "@/lib/sim/calldron/simulator-accounts";
import type { ProviderSim, SimContext, SimRequest, SimResponse } from "@/lib/sim/types";



const UNAUTHORIZED: SimResponse = {
  status: 401,
  headers: { "www-authenticate": 'Basic realm="Calldron API"' },
  body: { error: "Unauthorized" },
};

/** The Calldron simulator: strict Basic auth, the documented routes, call lifecycles on the sim clock. */
export function createCalldronSim(opts: { demoData?: boolean } = {}): ProviderSim {
  let state: SimState = emptyState(CALLDRON_SIM_ACCOUNTS.map((a) => a.name));
  const media = new MediaCache();

  function ensureSeeded(ctx: SimContext): void {
    if (!opts.demoData || state.demoSeeded) return;
    seedDemoData(state, ctx.clock.now());
    state.demoSeeded = true;
  }

  return {
    provider: "calldron",
    prefix: CALLDRON_SIM_PREFIX,
    presentedKey: (req) => readBasic(req)?.user,
    authMethod(req) {
      const basic = readBasic(req);
      if (!basic) return req.headers.authorization ? "other" : "none";
      return basic.password ? "basic+password" : "basic";
    },
    loggedPhone(req) {
      const wrapper = req.method !== "POST" ? undefined : /^\/batches\/\d+\/calls\/?$/.test(req.path) ? "call" : /^\/lists\/\d+\/subscribers\/?$/.test(req.path) ? "subscriber" : undefined;
      if (!wrapper) return undefined;
      try {
        const phone = (JSON.parse(req.body.toString("utf8")) as Record<string, { phone_number?: unknown }>)[wrapper]?.phone_number;
        return typeof phone === "string" ? phone.slice(0, 32) : undefined;
      } catch {
        return undefined;
      }
    },
    handle(req, ctx) {
      const basic = readBasic(req);
      if (!basic) return UNAUTHORIZED;
      if (basic.password !== "") return { ...UNAUTHORIZED, body: { error: "Unauthorized: the password must be empty" } };
      const name = CALLDRON_SIM_ACCOUNTS.find((a) => a.key === basic.user)?.name;
      const account = name ? state.accounts[name] : undefined;
      if (!account) return UNAUTHORIZED;
      ensureSeeded(ctx);
      advanceAccount(account, ctx.clock.now(), ctx);
      return route({ req, ctx, state, account, media });
    },
    tick(ctx) {
      ensureSeeded(ctx);
      for (const account of Object.values(state.accounts)) advanceAccount(account, ctx.clock.now(), ctx);
    },
    describeAccounts: () => CALLDRON_SIM_ACCOUNTS.map(({ key, label }) => ({ key, label })),
    snapshot: () => structuredClone(state),
    restore(saved) {
      if (!isSimState(saved)) return;
      state = structuredClone(saved);
      for (const a of CALLDRON_SIM_ACCOUNTS) state.accounts[a.name] ??= { batches: [], lists: [], subscribers: [], calls: [] };
      media.clear();
    },
  };
}

/** `Authorization: Basic base64(user:password)`; undefined when absent or not Basic. */
function readBasic(req: SimRequest): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
