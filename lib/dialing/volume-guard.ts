import "server-only";
import type { SessionUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/db/queries/audit";
import { insertPendingApproval, type NewLaunchApproval } from "@/lib/db/queries/launch-approvals";
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

/** Asks the admins (one pending request per target; a second ask answers with the first), audited. */
export async function requestApproval({ user, ...request }: Omit<NewLaunchApproval, "requestedBy"> & { user: SessionUser }): Promise<LaunchApproval> {
  const { approval, created } = await insertPendingApproval({ ...request, requestedBy: user.id });
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
