import "server-only";
import type { SessionUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/db/queries/audit";
import { insertPendingApproval, type NewLaunchApproval, refreshPendingApproval } from "@/lib/db/queries/launch-approvals";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import type { LaunchApproval } from "@/lib/db/schema";
import { typedCountConfirms } from "@/lib/dialing/confirm";
import { SafeError } from "@/lib/errors";

/** The typed count, checked on the server as well: a launch over the threshold is refused without it. */
export function assertTypedCount(count: number, typed: number | undefined): void {
  if (!typedCountConfirms(count, typed)) throw new SafeError("launchGuard.errors.typeCount", { n: count });
}

/** Whether this user's launch of `count` numbers needs an admin's approval: a manager's above the organisation's limit. */
export async function needsApproval({ user, count }: { user: SessionUser; count: number }): Promise<boolean> {
  if (user.role === "admin") return false;
  const { managerLaunchLimit } = await readDialingPolicy();
  return count > managerLaunchLimit;
}

/**
 * Asks the admins, audited. One pending request per target: a second ask answers with the first, or, when the
 * count changed since (the draft was edited), the pending request now asks for the new count.
 */
export async function requestApproval({ user, ...request }: Omit<NewLaunchApproval, "requestedBy"> & { user: SessionUser }): Promise<LaunchApproval> {
  let { approval, created } = await insertPendingApproval({ ...request, requestedBy: user.id });
  if (!created && approval.count !== request.count) {
    const refreshed = await refreshPendingApproval({ id: approval.id, count: request.count, input: request.input, title: request.title });
    if (refreshed) [approval, created] = [refreshed, true];
  }
  if (created) {
    await recordAudit({
      actor: user,
      action: "launch.approval_requested",
      target: request.title,
      details: { approvalId: approval.id, kind: request.kind, target: request.target, connectionId: request.connectionId, count: request.count },
    });
  }
  return approval;
}
