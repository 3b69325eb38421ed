"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { createCallsInput, type LaunchableSettings, missingStep, readSettings } from "@/lib/calldog/campaign-settings";
import { recordAudit } from "@/lib/db/queries/audit";
import { findCampaign, setDraftSettings } from "@/lib/db/queries/campaign-launch";
import { findConnection } from "@/lib/db/queries/connections";
import { findUserById } from "@/lib/db/queries/users";
import type { CallStatus, Connection } from "@/lib/db/schema";
import { screenForDialing } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import { formatPhone } from "@/lib/phone-format";
import { mapCalldogStatus } from "@/lib/providers/call-status";
import type { CalldogCreatedCall } from "@/lib/providers/calldog/schema";
import { isCalldogPhone } from "@/lib/providers/calldog/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import { toCalldogPhone } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";

const E = "testCall.errors";

/**
 * "Test call to my number" on the review: the draft's message and menu, once, to the user's own number from the
 * profile, at once (no `plannedAt`). It goes through the same gate as a launch: the do-not-call list, and the
 * campaign's calling window in its zone (within the organisation's). Outside the window nothing is sent and the answer says when the window opens next (the page
 * shows it in the user's zone): a test is for listening now, so it is not planned for the opening, when the user
 * may not be at the phone (docs/providers.md, "Launch safeguards"). Kept on the draft, audited.
 */
export const sendCalldogTestCall = action({ role: "any", schema: z.object({ campaignId: z.uuid() }) }, async ({ campaignId }, user) => {
  const campaign = await findCampaign({ id: campaignId });
  if (campaign?.provider !== "calldog" || (campaign.ownerId !== user.id && user.role !== "admin")) throw new SafeError("calldogCampaign.errors.notFound");
  if (campaign.state !== "draft") throw new SafeError("calldogCampaign.errors.notDraft");
  const settings = readSettings(campaign.settings);
  const missing = missingStep(settings);
  if (missing) throw new SafeError("calldogCampaign.errors.incomplete", { step: missing });
  const phone = (await findUserById({ id: user.id }))?.testPhone;
  if (!phone) throw new SafeError(`${E}.noPhone`);
  if (!isCalldogPhone(toCalldogPhone(phone))) throw new SafeError(`${E}.notRussian`);
  const connection = await findConnection({ id: campaign.connectionId });
  if (connection?.provider !== "calldog") throw new SafeError("calldogConnectionRequired");

  const start = { at: new Date(), timeZone: campaign.timeZone, window: settings.schedule?.window, outside: "refuse" as const };
  const screened = await screenForDialing({ phones: [phone], start });
  const held = screened.heldBack[0];
  if (held?.reason === "window" && screened.start) {
    const { from, to, timeZone } = screened.start.window;
    return { sent: false as const, windowClosed: { from, to, zone: timeZone, opensAt: screened.start.startAt.toISOString() } };
  }
  if (held) throw new SafeError(`${E}.dnc`);

  const base = createCallsInput(settings as LaunchableSettings, null, undefined);
  let answer: CalldogCreatedCall[];
  try {
    answer = await clientFor(connection as Connection & { provider: "calldog" }).createCalls({ ...base, plannedAt: undefined, phones: [phone] });
  } catch (error) {
    if (error instanceof ProviderError) throw new SafeError(`${E}.unavailable`);
    throw error;
  }
  const call = answer[0];
  await recordAudit({
    actor: user,
    action: "calldog.campaign.testCall",
    target: campaignId,
    details: { name: campaign.name, connectionId: connection.id, count: 1, phone, callId: call?.id ?? null, status: call?.status ?? null },
  });
  if (!call || call.id === null || call.status === "error") throw new SafeError(`${E}.failed`, { reason: (call?.message ?? "refused").slice(0, 200) });
  const at = new Date().toISOString();
  await setDraftSettings({ id: campaignId, settings: { ...settings, testCall: { callId: call.id, phone, at, by: user.id } } });
  return { sent: true as const, callId: call.id, phone: formatPhone(phone), at };
});

/** The test call's status as Calldog reports it now, in the common words. */
export const getCalldogTestCallStatus = action({ role: "any", schema: z.object({ campaignId: z.uuid() }) }, async ({ campaignId }, user): Promise<{ status: CallStatus | "unknown" }> => {
  const campaign = await findCampaign({ id: campaignId });
  if (campaign?.provider !== "calldog" || (campaign.ownerId !== user.id && user.role !== "admin")) throw new SafeError("calldogCampaign.errors.notFound");
  const testCall = readSettings(campaign.settings).testCall;
  const connection = await findConnection({ id: campaign.connectionId });
  if (!testCall || connection?.provider !== "calldog") return { status: "unknown" };
  try {
    const [call] = await clientFor(connection as Connection & { provider: "calldog" }).getCalls([testCall.callId]);
    return { status: call ? (mapCalldogStatus(call.status, call.reason)?.status ?? "unknown") : "unknown" };
  } catch (error) {
    if (error instanceof ProviderError) return { status: "unknown" };
    throw error;
  }
});
