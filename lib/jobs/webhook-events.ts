import "server-only";
import type PgBoss from "pg-boss";
import { countPendingWebhookEvents, reviveDeferredWebhookEvents } from "@/lib/db/queries/webhook-events";
import { serverState } from "@/lib/server/start";
import { applyPendingWebhookEvents } from "@/lib/webhooks/apply-events";

export const WEBHOOK_EVENTS_QUEUE = "webhook-events";
/**
 * A burst of deliveries becomes one job: the receiver asks at most once a second, so that a batch carries many
 * events (the per-batch queries are paid once) and applying lags a delivery by about a second.
 */
const NUDGE_DELAY_MS = 1_000;
const SWEEP_EVERY_MS = 30_000;
/** An IVR answer whose call never shows up is closed after this long. */
const DEFERRED_GIVE_UP_MS = 15 * 60_000;

let nudgeTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Asks for the stored events to be applied. The queue is `stately` (one waiting and one running job), so a
 * burst of calls queues one job; an event whose nudge is lost is found by the sweep.
 */
export function nudgeWebhookEvents(): void {
  if (nudgeTimer) return;
  nudgeTimer = setTimeout(() => {
    nudgeTimer = undefined;
    void sendApplyJob();
  }, NUDGE_DELAY_MS);
  nudgeTimer.unref?.();
}

async function sendApplyJob(): Promise<void> {
  const boss = serverState()?.boss;
  if (!boss) return;
  await boss.send(WEBHOOK_EVENTS_QUEUE, {}, { retryLimit: 3, retryDelay: 5, expireInMinutes: 5 }).catch((error: Error) => {
    console.error("[webhooks] could not queue the apply job:", error.message);
  });
}

/** The queue, made by whichever process starts first (the web process sends to it, a worker works it). */
export async function createWebhookEventsQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(WEBHOOK_EVENTS_QUEUE, { name: WEBHOOK_EVENTS_QUEUE, policy: "stately" });
}

/** The worker and the sweep, once per process after pg-boss has started. */
export async function startWebhookEventWorker(boss: PgBoss): Promise<void> {
  await createWebhookEventsQueue(boss);
  await boss.work(WEBHOOK_EVENTS_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async () => {
    const { more } = await applyPendingWebhookEvents();
    if (more) await sendApplyJob();
  });
  const sweep = async () => {
    try {
      const revived = await reviveDeferredWebhookEvents({ giveUpBefore: new Date(Date.now() - DEFERRED_GIVE_UP_MS) });
      if (revived > 0 || (await countPendingWebhookEvents()) > 0) await sendApplyJob();
    } catch (error) {
      console.error("[webhooks] sweep failed:", error instanceof Error ? error.message : "unknown");
    }
  };
  await sweep();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
}
