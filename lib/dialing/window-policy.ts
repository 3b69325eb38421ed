import "server-only";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { windowWithin } from "@/lib/dialing/calling-window";
import { SafeError } from "@/lib/errors";

/**
 * A campaign's daily window must lie within the organisation's: refused otherwise, with the organisation's window
 * in the message and both time fields marked (`fields` names them in the form).
 */
export async function assertWindowWithinPolicy(window: { from: string; to: string }, fields: { from: string; to: string }): Promise<void> {
  const policy = await readDialingPolicy();
  const allowed = { from: policy.callingWindowFrom, to: policy.callingWindowTo };
  if (windowWithin(window, allowed)) return;
  throw new SafeError("dialingPolicy.errors.outsideWindow", { from: allowed.from, to: allowed.to }, {
    [fields.from]: "dialingPolicy.errors.outsideWindowField",
    [fields.to]: "dialingPolicy.errors.outsideWindowField",
  });
}
