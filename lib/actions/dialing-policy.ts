"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/db/queries/audit";
import { readDialingPolicy, saveDialingPolicy } from "@/lib/db/queries/org-settings";
import { WINDOW_TIME_PATTERN } from "@/lib/dialing/calling-window";
import { requestIp } from "@/lib/request-ip";

const policySchema = z
  .object({
    callingWindowFrom: z.string().trim().regex(WINDOW_TIME_PATTERN, "dialingPolicy.errors.time"),
    callingWindowTo: z.string().trim().regex(WINDOW_TIME_PATTERN, "dialingPolicy.errors.time"),
    managerLaunchLimit: z.coerce.number("dialingPolicy.errors.limit").int("dialingPolicy.errors.limit").min(1, "dialingPolicy.errors.limit").max(1_000_000, "dialingPolicy.errors.limit"),
  })
  .refine((v) => v.callingWindowFrom !== v.callingWindowTo, { message: "dialingPolicy.errors.emptyWindow", path: ["callingWindowTo"] });

/** The organisation's calling window and a manager's launch limit: admins only, audited with the old and new values. */
export const updateDialingPolicy = action({ role: "admin", schema: policySchema }, async (policy, user) => {
  const before = await readDialingPolicy();
  await saveDialingPolicy({ policy, userId: user.id });
  await recordAudit({
    actor: user,
    action: "org.dialing_policy_changed",
    target: `${policy.callingWindowFrom}–${policy.callingWindowTo}, ${policy.managerLaunchLimit}`,
    ip: await requestIp(),
    details: {
      before: { from: before.callingWindowFrom, to: before.callingWindowTo, limit: before.managerLaunchLimit },
      after: { from: policy.callingWindowFrom, to: policy.callingWindowTo, limit: policy.managerLaunchLimit },
    },
  });
  return policy;
});
