import { createCalldronSim } from "@/lib/sim/calldron/simulator";
import type { ProviderSim, SimResponse } from "@/lib/sim/types";

type Fault = "error500" | "processThen500" | "processThenHang";

/** The Calldron simulator with a one-shot fault on the next `POST /lists`, counting the creates that reached it. */
export function createCreateListTestSim() {
  const inner = createCalldronSim({});
  const state: { sim: ProviderSim; creates: number; next: Fault | undefined } = { sim: undefined as never, creates: 0, next: undefined };
  state.sim = {
    provider: inner.provider,
    prefix: inner.prefix,
    presentedKey: (req) => inner.presentedKey(req),
    authMethod: (req) => inner.authMethod(req),
    describeAccounts: () => inner.describeAccounts(),
    snapshot: () => inner.snapshot(),
    restore: (s) => inner.restore(s),
    async handle(req, ctx): Promise<SimResponse> {
      if (req.method !== "POST" || req.path !== "/lists") return inner.handle(req, ctx);
      state.creates += 1;
      const fault = state.next;
      state.next = undefined;
      if (fault === "error500") return { status: 500, body: { error: "Internal Server Error" } };
      const answer = await inner.handle(req, ctx);
      if (fault === "processThen500") return { status: 500, body: { error: "Internal Server Error" } };
      if (fault === "processThenHang") await new Promise((r) => setTimeout(r, 1_000));
      return answer;
    },
  };
  return state;
}
