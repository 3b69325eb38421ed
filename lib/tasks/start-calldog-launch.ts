import "server-only";
import { readSettings } from "@/lib/calldog/campaign-settings";
import { findCampaign, type LaunchStart, setDraftPlannedAt, startCampaignLaunch, startCampaignRetry } from "@/lib/db/queries/campaign-launch";
import { listTaskItems } from "@/lib/db/queries/tasks";
import type { Campaign, Task } from "@/lib/db/schema";
import { startInWindow } from "@/lib/dialing/screen";
import { CALLDOG_LAUNCH_KIND, type LaunchInput } from "@/lib/tasks/calldog-launch";
import { enqueueTask } from "@/lib/tasks/queue";

/**
 * Launches a draft: one `calldog.launch` task over every valid number (those held back by the do-not-call list in
 * the wizard too, so that the launch screens them again and the report names them). The launch key makes it
 * idempotent: the same key answers with the task it already made. A start outside the campaign's calling window
 * ("now" after closing time, the organisation's window narrowed since the schedule step) is moved to its next opening
 * first; the task checks again at send time.
 */
export async function launchCampaign({ campaignId, launchKey, ownerId }: { campaignId: string; launchKey: string; ownerId: string }): Promise<LaunchStart> {
  const draft = await findCampaign({ id: campaignId });
  if (draft?.state === "draft" && draft.launchKey === launchKey) {
    const settings = readSettings(draft.settings);
    const start = await startInWindow({ at: draft.plannedAt ?? new Date(), timeZone: draft.timeZone, window: settings.schedule?.window });
    if (start.moved && !start.never) {
      // Kept with the campaign, so that its page says the start was moved and to when.
      const schedule = settings.schedule ? { ...settings.schedule, moved: true } : undefined;
      await setDraftPlannedAt({ id: campaignId, plannedAt: start.startAt, settings: { ...settings, schedule } });
    }
  }
  const started = await startCampaignLaunch({
    campaignId,
    launchKey,
    task: (campaign) => {
      const recipients = readSettings(campaign.settings).recipients;
      const phones = [...(recipients?.phones ?? []), ...(recipients?.dnc ?? [])];
      return {
        kind: CALLDOG_LAUNCH_KIND,
        ownerId,
        connectionId: campaign.connectionId,
        title: campaign.name,
        input: { campaignId, connectionId: campaign.connectionId } satisfies LaunchInput,
        items: phones.map((key) => ({ key })),
        counts: { ...(recipients?.invalid.length ? { invalid: recipients.invalid.length } : {}), ...(recipients?.duplicates ? { duplicate: recipients.duplicates } : {}) },
      };
    },
  });
  if (started.kind === "started") await enqueueTask(started.task.id);
  return started;
}

/** How many numbers of a launch task did not go out (`failed`), at most `limit`. */
export async function failedNumbers({ taskId, limit = 100_000 }: { taskId: string; limit?: number }): Promise<string[]> {
  const phones: string[] = [];
  let afterSeq = -1;
  while (phones.length < limit) {
    const page = await listTaskItems({ taskId, outcome: "failed", afterSeq, limit: 1000 });
    if (page.length === 0) break;
    phones.push(...page.map((i) => i.key));
    afterSeq = page.at(-1)?.seq ?? afterSeq;
  }
  return phones.slice(0, limit);
}

/**
 * "Retry just these": a new launch task over the failed numbers of the campaign's current task only. A second
 * click while the first retry exists answers with that retry.
 */
export async function retryFailedNumbers({ campaign, fromTask, ownerId }: { campaign: Campaign; fromTask: Task; ownerId: string }): Promise<{ task: Task | undefined; created: boolean; count: number }> {
  const phones = await failedNumbers({ taskId: fromTask.id });
  if (phones.length === 0) return { task: fromTask, created: false, count: 0 };
  const started = await startCampaignRetry({
    campaignId: campaign.id,
    fromTaskId: fromTask.id,
    task: {
      kind: CALLDOG_LAUNCH_KIND,
      ownerId,
      connectionId: campaign.connectionId,
      title: campaign.name,
      input: { campaignId: campaign.id, connectionId: campaign.connectionId, retryOf: fromTask.id } satisfies LaunchInput,
      items: phones.map((key) => ({ key })),
    },
  });
  if (started.created && started.task) await enqueueTask(started.task.id);
  return { ...started, count: phones.length };
}
