import type { SimState, SimWebhook } from "@/lib/sim/calldog/simulator-state";
import type { SimContext } from "@/lib/sim/types";

/** "Every minute up to three times until HTTP 200": one delivery plus at most three retries, a simulated minute apart. */
export const WEBHOOK_RETRY_MS = 60_000;
export const WEBHOOK_MAX_ATTEMPTS = 4;
const PARALLEL = 20;

export function enqueueWebhook(state: SimState, url: string, body: unknown, at: number): void {
  state.webhooks.push({ url, body, attempts: 0, nextAt: at });
}

/** Sends every delivery that is due; only HTTP 200 counts as received (the doc's words). */
export async function deliverWebhooks(state: SimState, ctx: SimContext): Promise<void> {
  const now = ctx.clock.wall();
  const due = state.webhooks.filter((w) => w.nextAt <= now);
  const done = new Set<SimWebhook>();
  for (let i = 0; i < due.length; i += PARALLEL) {
    await Promise.all(
      due.slice(i, i + PARALLEL).map(async (hook) => {
        const status = await ctx.postJson(hook.url, hook.body);
        hook.attempts++;
        if (status === 200 || hook.attempts >= WEBHOOK_MAX_ATTEMPTS) done.add(hook);
        else hook.nextAt = now + ctx.clock.realDelay(WEBHOOK_RETRY_MS);
      }),
    );
  }
  if (done.size > 0) state.webhooks = state.webhooks.filter((w) => !done.has(w));
}
