"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/current-user";
import { launchAuditCounts, missingStep, readSettings } from "@/lib/calldog/campaign-settings";
import { recordAudit } from "@/lib/db/queries/audit";
import { findCampaign } from "@/lib/db/queries/campaign-launch";
import { decideApproval, findApproval, setApprovalTask } from "@/lib/db/queries/launch-approvals";
import { findUserById } from "@/lib/db/queries/users";
import type { LaunchApproval } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { requestIp } from "@/lib/request-ip";
import { CALLDOG_LAUNCH_KIND } from "@/lib/tasks/calldog-launch";
import { RUN_LIST_KIND, runListInputSchema } from "@/lib/tasks/calldron-run-list";
import { launchCampaign } from "@/lib/tasks/start-calldog-launch";
import { startRunList } from "@/lib/tasks/start-run-list";

const E = "approvals.errors";

/**
 * Approves a manager's launch above the limit and starts it at once, as the manager's own (their task, their
 * campaign). The launch must still be what was asked for: a Calldog draft with the same count of numbers.
 */
export const approveLaunch = action({ role: "admin", schema: z.object({ id: z.uuid() }) }, async ({ id }, admin) => {
  const request = await findApproval({ id });
  if (!request) throw new SafeError(`${E}.notFound`);
  if (request.state !== "pending") throw new SafeError(`${E}.decided`);
  const requester = request.requestedBy ? await findUserById({ id: request.requestedBy }) : undefined;
  if (!requester || requester.disabled) throw new SafeError(`${E}.requesterGone`);
  const launch = await checkedLaunch(request);
  const decided = await decideApproval({ id, state: "approved", decidedBy: admin.id });
  if (!decided) throw new SafeError(`${E}.decided`);
  const taskId = await launch({ id: requester.id, email: requester.email });
  if (taskId) await setApprovalTask({ id, taskId });
  await audit(admin, decided, "launch.approved", { taskId });
  return { taskId };
});

/** Rejects a request, with the reason the manager will read. */
export const rejectLaunch = action(
  { role: "admin", schema: z.object({ id: z.uuid(), reason: z.string().trim().min(1, `${E}.reasonRequired`).max(500) }) },
  async ({ id, reason }, admin) => {
    const decided = await decideApproval({ id, state: "rejected", decidedBy: admin.id, reason });
    if (!decided) throw new SafeError(`${E}.decided`);
    await audit(admin, decided, "launch.rejected", { reason });
    return { id };
  },
);

/** What approving starts, once checked; answers the task id. */
async function checkedLaunch(request: LaunchApproval): Promise<(owner: { id: string; email: string }) => Promise<string | null>> {
  if (request.kind === CALLDOG_LAUNCH_KIND) {
    const campaign = await findCampaign({ id: request.target });
    if (campaign?.state !== "draft" || !campaign.launchKey) throw new SafeError(`${E}.changed`);
    const settings = readSettings(campaign.settings);
    if (missingStep(settings) || settings.recipients?.phones.length !== request.count) throw new SafeError(`${E}.changed`);
    const launchKey = campaign.launchKey;
    return async (owner) => {
      const started = await launchCampaign({ campaignId: campaign.id, launchKey, ownerId: owner.id });
      if (started.kind === "started") {
        await recordAudit({
          actor: owner,
          action: "calldog.campaign.launched",
          target: campaign.id,
          details: { name: campaign.name, connectionId: campaign.connectionId, ...launchAuditCounts(settings), taskId: started.task.id, approvalId: request.id },
        });
        return started.task.id;
      }
      return started.kind === "already" ? started.taskId : null;
    };
  }
  if (request.kind === RUN_LIST_KIND) {
    const input = runListInputSchema.safeParse(request.input);
    if (!input.success) throw new SafeError(`${E}.changed`);
    return async (owner) => {
      const { task, created } = await startRunList({ ownerId: owner.id, input: input.data });
      if (created) {
        await recordAudit({
          actor: owner,
          action: "calldron.runList.started",
          target: task.id,
          details: { ...input.data, subscribers: request.count, count: request.count, approvalId: request.id },
        });
      }
      return task.id;
    };
  }
  throw new SafeError(`${E}.notFound`);
}

async function audit(admin: SessionUser, request: LaunchApproval, action: string, extra: Record<string, unknown>): Promise<void> {
  await recordAudit({
    actor: admin,
    action,
    target: request.title,
    ip: await requestIp(),
    details: { approvalId: request.id, kind: request.kind, target: request.target, count: request.count, requestedBy: request.requestedBy, ...extra },
  });
}
