import type { LaunchApproval } from "@/lib/db/schema";

/** What a manager's page shows of a request for an admin's approval of a launch. */
export type ApprovalView = { id: string; state: LaunchApproval["state"]; count: number; reason: string | null };

export function toApprovalView(approval: LaunchApproval): ApprovalView {
  return { id: approval.id, state: approval.state, count: approval.count, reason: approval.reason };
}
