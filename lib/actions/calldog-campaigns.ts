"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/current-user";
import { type DraftView, toDraftView } from "@/lib/calldog/campaign-draft";
import { type ApprovalView, toApprovalView } from "@/lib/dialing/approval-view";
import {
  type CampaignSettings,
  type CampaignWindow,
  callerIdSchema,
  launchAuditCounts,
  messageSchema,
  missingStep,
  type Recipients,
  readSettings,
  WIZARD_STEPS,
  type WizardStep,
} from "@/lib/calldog/campaign-settings";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { menuIsValid, validateMenu } from "@/lib/calldog/ivr-menu";
import { toRussianE164 } from "@/lib/phone-ru";
import { zonedTimeToUtc } from "@/lib/calldog/schedule";
import { isTimeZone } from "@/lib/i18n/time-zones";
import { recordAudit } from "@/lib/db/queries/audit";
import { findCampaign, insertDraftCampaign, updateDraftCampaign } from "@/lib/db/queries/campaign-launch";
import { listCalldogRecordChoices } from "@/lib/db/queries/calldog-records";
import { findConnection } from "@/lib/db/queries/connections";
import { findContactList, listContactListPhones } from "@/lib/db/queries/contact-lists";
import { findTask, listTaskItems } from "@/lib/db/queries/tasks";
import type { Campaign, Connection } from "@/lib/db/schema";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { isValidWindow, WINDOW_TIME_PATTERN, windowWithin } from "@/lib/dialing/calling-window";
import { parsePhoneList, screenForDialing, startInWindow } from "@/lib/dialing/screen";
import { assertWindowWithinPolicy } from "@/lib/dialing/window-policy";
import { assertTypedCount, needsApproval, requestApproval } from "@/lib/dialing/volume-guard";
import { SafeError } from "@/lib/errors";
import { formatPhone } from "@/lib/phone-format";
import { isCalldogPhone } from "@/lib/providers/calldog/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import { toCalldogPhone, toE164 } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";
import { CALLDOG_LAUNCH_KIND } from "@/lib/tasks/calldog-launch";
import { launchCampaign, retryFailedNumbers } from "@/lib/tasks/start-calldog-launch";

const MAX_RECIPIENTS = 100_000;
/** A scheduled time must leave the launch this long to get the calls to Calldog. */
const MIN_LEAD_MS = 30_000;
const E = "calldogCampaign.errors";
/** Numbers a launch report names one by one; the counts are always whole. */
const REPORT_LISTED = 500;
/** The schedule step's window fields, as the wizard names them. */
const WINDOW_FIELDS = { from: "windowFrom", to: "windowTo" };

const recipientsInput = z.object({
  step: z.literal("recipients"),
  source: z.enum(["one", "paste", "list", "calldron"]),
  text: z.string().max(2_000_000).default(""),
  listRef: z.string().max(200).default(""),
});
const callerIdInput = z.object({ step: z.literal("callerId"), callerId: callerIdSchema });
const messageInput = z.object({ step: z.literal("message"), message: messageSchema });
const menuInput = z.object({ step: z.literal("menu"), menu: ivrMenuSchema });
const scheduleInput = z.object({
  step: z.literal("schedule"),
  mode: z.enum(["now", "at"]),
  local: z.string().max(20).default(""),
  timeZone: z.string().max(64).default("Europe/Moscow"),
  /** The campaign's own daily window; left out, the organisation's. */
  windowFrom: z.string().trim().regex(WINDOW_TIME_PATTERN, "dialingPolicy.errors.time").optional(),
  windowTo: z.string().trim().regex(WINDOW_TIME_PATTERN, "dialingPolicy.errors.time").optional(),
  needRecording: z.boolean(),
});
const stepInput = z.discriminatedUnion("step", [recipientsInput, callerIdInput, messageInput, menuInput, scheduleInput]);

const saveSchema = z.object({
  connectionId: z.uuid(),
  campaignId: z.uuid().optional(),
  name: z.string().trim().min(1, `${E}.nameRequired`).max(120, `${E}.nameTooLong`),
  data: stepInput,
});

/**
 * Checks one step of the wizard on the server and keeps it in the draft (a `campaigns` row in state `draft`, made
 * by the first step), so the next step opens only on what passed and the draft survives a reload.
 */
export const saveCalldogCampaignStep = action({ role: "any", schema: saveSchema }, async ({ connectionId, campaignId, name, data }, user): Promise<DraftView> => {
  const connection = await calldogConnection(connectionId);
  const campaign = campaignId ? await ownDraft(campaignId, user) : undefined;
  if (campaign && campaign.connectionId !== connectionId) throw new SafeError(`${E}.notFound`);
  const settings = readSettings(campaign?.settings);
  let plannedAt = campaign?.plannedAt ?? null;
  let timeZone = campaign?.timeZone ?? "Europe/Moscow";
  if (data.step === "recipients") settings.recipients = await checkRecipients(data);
  else if (data.step === "callerId") await checkCallerId(connection, data.callerId);
  else if (data.step === "message") await checkMessage(connection, data.message);
  else if (data.step === "menu" && !menuIsValid(validateMenu(data.menu, toRussianE164))) throw new SafeError(`${E}.menuInvalid`);
  else if (data.step === "schedule") {
    const checked = await checkSchedule(data);
    plannedAt = checked.plannedAt;
    timeZone = data.timeZone;
    settings.schedule = checked.schedule;
    settings.needRecording = data.needRecording;
  }
  if (data.step === "callerId") settings.callerId = data.callerId;
  if (data.step === "message") settings.message = data.message;
  if (data.step === "menu") settings.menu = data.menu;
  settings.reached = later(settings.reached, nextStep(data.step));
  if (!campaign) {
    const created = await insertDraftCampaign({ connectionId, ownerId: user.id, name, launchKey: randomUUID(), settings });
    return await toDraftView(created);
  }
  const saved = await updateDraftCampaign({ id: campaign.id, name, settings, plannedAt, timeZone });
  if (!saved) throw new SafeError(`${E}.notDraft`);
  return await toDraftView(saved);
});

/**
 * Launches a checked draft as a background task and answers at once. The launch key (made with the draft) makes
 * it idempotent: a double click, a retried request or a reload answers with the task the first one made. Over
 * 1,000 numbers the count must have been typed; a manager's launch above the organisation's limit becomes a
 * request for an admin's approval instead (approving it starts this launch).
 */
export const launchCalldogCampaign = action(
  {
    role: "any",
    schema: z.object({
      campaignId: z.uuid(),
      launchKey: z.uuid(),
      confirmedCount: z.number().int().min(0).max(MAX_RECIPIENTS),
      typedCount: z.number().int().min(0).max(MAX_RECIPIENTS).optional(),
    }),
  },
  async ({ campaignId, launchKey, confirmedCount, typedCount }, user): Promise<{ campaignId: string; taskId: string | null; approval: ApprovalView | null }> => {
    const campaign = await ownCampaign(campaignId, user);
    if (campaign.state === "draft") {
      const settings = readSettings(campaign.settings);
      const missing = missingStep(settings);
      if (missing) throw new SafeError(`${E}.incomplete`, { step: missing });
      if (settings.recipients?.phones.length !== confirmedCount) throw new SafeError(`${E}.countChanged`);
      assertTypedCount(confirmedCount, typedCount);
      if (campaign.plannedAt && campaign.plannedAt.getTime() < Date.now() + MIN_LEAD_MS / 3) throw new SafeError(`${E}.scheduleInPast`);
      await assertStillWithinPolicy(settings);
      if (campaign.launchKey === launchKey && (await needsApproval({ user, count: confirmedCount }))) {
        const approval = await requestApproval({
          user,
          kind: CALLDOG_LAUNCH_KIND,
          target: campaign.id,
          title: campaign.name,
          connectionId: campaign.connectionId,
          count: confirmedCount,
          input: { campaignId: campaign.id },
        });
        return { campaignId, taskId: null, approval: toApprovalView(approval) };
      }
    }
    const started = await launchCampaign({ campaignId, launchKey, ownerId: user.id });
    if (started.kind === "keyMismatch" || started.kind === "gone") throw new SafeError(`${E}.notFound`);
    if (started.kind === "already") {
      if (!started.taskId) throw new SafeError(`${E}.notDraft`);
      return { campaignId, taskId: started.taskId, approval: null };
    }
    await recordAudit({
      actor: user,
      action: "calldog.campaign.launched",
      target: campaignId,
      details: { name: started.campaign.name, connectionId: started.campaign.connectionId, ...launchAuditCounts(readSettings(started.campaign.settings)), taskId: started.task.id },
    });
    return { campaignId, taskId: started.task.id, approval: null };
  },
);

/** "Retry just these": a new launch task over the numbers of the campaign's last task that did not go out. */
export const retryCalldogCampaignFailures = action({ role: "any", schema: z.object({ campaignId: z.uuid() }) }, async ({ campaignId }, user) => {
  const campaign = await ownCampaign(campaignId, user);
  const task = campaign.launchTaskId ? await findTask({ id: campaign.launchTaskId }) : undefined;
  if (!task) throw new SafeError(`${E}.notFound`);
  if (task.state !== "completed") throw new SafeError(`${E}.stillLaunching`);
  const retry = await retryFailedNumbers({ campaign, fromTask: task, ownerId: user.id });
  if (!retry.task) throw new SafeError(`${E}.notFound`);
  if (retry.created) {
    await recordAudit({ actor: user, action: "calldog.campaign.retried", target: campaignId, details: { name: campaign.name, count: retry.count, taskId: retry.task.id } });
  }
  return { taskId: retry.task.id, count: retry.count };
});

/**
 * The launch's report for its panel: the task to follow and, once it is done, the numbers that did not go out
 * (with Calldog's reason) and those held back at launch, formatted here.
 */
export const getCalldogLaunchReport = action({ role: "any", schema: z.object({ campaignId: z.uuid() }) }, async ({ campaignId }, user) => {
  const campaign = await ownCampaign(campaignId, user);
  const task = campaign.launchTaskId ? await findTask({ id: campaign.launchTaskId }) : undefined;
  if (!task) return { taskId: null, finished: false, failed: [], failedCount: 0, heldBack: [], heldBackCount: 0 };
  const finished = task.state === "completed";
  const [failed, heldBack] = finished
    ? await Promise.all([listTaskItems({ taskId: task.id, outcome: "failed", limit: REPORT_LISTED }), listTaskItems({ taskId: task.id, outcome: "dnc", limit: REPORT_LISTED })])
    : [[], []];
  return {
    taskId: task.id,
    finished,
    failed: failed.map((i) => ({ phone: formatPhone(i.key), detail: i.detail ?? "" })),
    failedCount: task.counts.failed ?? 0,
    heldBack: heldBack.map((i) => formatPhone(i.key)),
    heldBackCount: task.counts.dnc ?? 0,
  };
});

/** A Calldron connection's lists, for "recipients from a Calldron list". */
export const listCalldronListsForCampaign = action({ role: "any", schema: z.object({ connectionId: z.uuid() }) }, async ({ connectionId }) => {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
  const client = clientFor(connection as Connection & { provider: "calldron" });
  const lists: { ref: string; name: string }[] = [];
  try {
    for await (const list of client.iterateLists()) {
      lists.push({ ref: `${connectionId}:${list.id}`, name: list.name });
      if (lists.length >= 2_000) break;
    }
  } catch (error) {
    if (error instanceof ProviderError) throw new SafeError(`${E}.calldronUnavailable`);
    throw error;
  }
  return lists;
});

async function calldogConnection(id: string): Promise<Connection & { provider: "calldog" }> {
  const connection = await findConnection({ id });
  if (connection?.provider !== "calldog") throw new SafeError("calldogConnectionRequired");
  return connection as Connection & { provider: "calldog" };
}

async function ownCampaign(id: string, user: SessionUser): Promise<Campaign> {
  const campaign = await findCampaign({ id });
  if (campaign?.provider !== "calldog" || (campaign.ownerId !== user.id && user.role !== "admin")) throw new SafeError(`${E}.notFound`);
  return campaign;
}

async function ownDraft(id: string, user: SessionUser): Promise<Campaign> {
  const campaign = await ownCampaign(id, user);
  if (campaign.state !== "draft") throw new SafeError(`${E}.notDraft`);
  return campaign;
}

/** Numbers from the chosen source, normalised and each once; invalid ones (or not Russian: Calldog dials +7 only) and do-not-call ones held back. */
async function checkRecipients(input: z.infer<typeof recipientsInput>): Promise<Recipients> {
  let raw: { valid: string[]; invalid: string[]; duplicates: number };
  let listName = "";
  if (input.source === "one" || input.source === "paste") {
    const parsed = parsePhoneList(input.text);
    raw = { valid: parsed.valid, invalid: parsed.invalid, duplicates: parsed.duplicates.length };
    if (input.source === "one" && parsed.valid.length + parsed.invalid.length !== 1) throw new SafeError(`${E}.oneNumber`);
  } else {
    const read = input.source === "list" ? await keptList(input.listRef) : await calldronList(input.listRef);
    listName = read.name;
    raw = normalise(read.phones);
  }
  const calldog = raw.valid.filter((p) => isCalldogPhone(toCalldogPhone(p)));
  const invalid = [...raw.invalid, ...raw.valid.filter((p) => !calldog.includes(p))];
  if (calldog.length > MAX_RECIPIENTS) throw new SafeError(`${E}.tooMany`, { max: MAX_RECIPIENTS });
  const screened = await screenForDialing({ phones: calldog });
  if (screened.allowed.length === 0) throw new SafeError(`${E}.noRecipients`);
  return {
    source: input.source,
    text: input.source === "one" || input.source === "paste" ? input.text : "",
    listRef: input.listRef,
    listName,
    phones: screened.allowed,
    invalid: invalid.slice(0, MAX_RECIPIENTS),
    duplicates: raw.duplicates,
    dnc: screened.heldBack.map((h) => h.phone),
  };
}

function normalise(phones: string[]): { valid: string[]; invalid: string[]; duplicates: number } {
  const seen = new Set<string>();
  const out = { valid: [] as string[], invalid: [] as string[], duplicates: 0 };
  for (const value of phones) {
    const phone = toE164(value);
    if (!phone) out.invalid.push(value);
    else if (seen.has(phone)) out.duplicates += 1;
    else {
      seen.add(phone);
      out.valid.push(phone);
    }
  }
  return out;
}

async function keptList(listRef: string): Promise<{ name: string; phones: string[] }> {
  const list = z.uuid().safeParse(listRef).success ? await findContactList({ id: listRef }) : undefined;
  if (!list) throw new SafeError(`${E}.listRequired`);
  return { name: list.name, phones: await listContactListPhones({ listId: list.id }) };
}

async function calldronList(listRef: string): Promise<{ name: string; phones: string[] }> {
  const [connectionId = "", listId = ""] = listRef.split(":");
  const connection = z.uuid().safeParse(connectionId).success ? await findConnection({ id: connectionId }) : undefined;
  if (connection?.provider !== "calldron" || !/^[\w-]{1,40}$/.test(listId)) throw new SafeError(`${E}.listRequired`);
  const client = clientFor(connection as Connection & { provider: "calldron" });
  try {
    const list = await client.showList(listId);
    const phones: string[] = [];
    for await (const subscriber of client.iterateSubscribers(listId)) {
      phones.push(subscriber.phone);
      if (phones.length > MAX_RECIPIENTS) throw new SafeError(`${E}.tooMany`, { max: MAX_RECIPIENTS });
    }
    return { name: list.name, phones };
  } catch (error) {
    if (error instanceof ProviderError) throw new SafeError(`${E}.calldronUnavailable`);
    throw error;
  }
}

/** A caller id must be one of the account's confirmed numbers (`getPhones`); "random duty number" needs nothing. */
async function checkCallerId(connection: Connection & { provider: "calldog" }, callerId: z.infer<typeof callerIdSchema>): Promise<void> {
  if (callerId.mode === "duty") return;
  const phones = await calldogRead(() => clientFor(connection).getPhones());
  if (!phones.some((p) => p.phone === callerId.phone)) throw new SafeError(`${E}.callerIdUnconfirmed`);
}

/** A record must be in the registry for this connection; a text-to-speech language must be one the account offers. */
async function checkMessage(connection: Connection & { provider: "calldog" }, message: z.infer<typeof messageSchema>): Promise<void> {
  if (message.kind === "record") {
    const records = await listCalldogRecordChoices({ connectionId: connection.id });
    if (!records.some((r) => r.recordId === message.recordId)) throw new SafeError(`${E}.recordUnknown`);
    return;
  }
  const languages = await calldogRead(() => clientFor(connection).getAvailableLanguages());
  if (!languages.includes(message.lang)) throw new SafeError(`${E}.languageUnknown`);
}

/**
 * The campaign's zone and daily window (within the organisation's, as a Calldron batch's must be), and when it starts:
 * a picked time outside the window is moved to its next opening (the review says so); "now" is checked at launch.
 */
async function checkSchedule(input: z.infer<typeof scheduleInput>): Promise<{ plannedAt: Date | null; schedule: CampaignSettings["schedule"] }> {
  if (!isTimeZone(input.timeZone)) throw new SafeError(`${E}.timeZoneUnknown`);
  const window = await campaignWindow(input);
  if (input.mode === "now") return { plannedAt: null, schedule: { mode: "now", window, moved: false } };
  const picked = zonedTimeToUtc(input.local, input.timeZone);
  if (!picked) throw new SafeError(`${E}.timeInvalid`);
  if (picked.getTime() < Date.now() + MIN_LEAD_MS) throw new SafeError(`${E}.scheduleInPast`);
  const { startAt, moved } = await startInWindow({ at: picked, timeZone: input.timeZone, window });
  return { plannedAt: startAt, schedule: { mode: "at", local: input.local, timeZone: input.timeZone, window, moved } };
}

/** The window asked for (both ends or neither: then the organisation's), checked against the organisation's. */
async function campaignWindow(input: z.infer<typeof scheduleInput>): Promise<CampaignWindow> {
  const policy = await readDialingPolicy();
  const window = { from: input.windowFrom || policy.callingWindowFrom, to: input.windowTo || policy.callingWindowTo };
  if (!isValidWindow(window)) {
    throw new SafeError("dialingPolicy.errors.emptyWindow", {}, { [WINDOW_FIELDS.from]: "dialingPolicy.errors.emptyWindow", [WINDOW_FIELDS.to]: "dialingPolicy.errors.emptyWindow" });
  }
  await assertWindowWithinPolicy(window, WINDOW_FIELDS);
  return window;
}

/** The organisation's window may have been narrowed since the schedule step: the campaign's must still lie within it. */
async function assertStillWithinPolicy(settings: CampaignSettings): Promise<void> {
  const window = settings.schedule?.window;
  if (!window) return;
  const policy = await readDialingPolicy();
  if (!windowWithin(window, { from: policy.callingWindowFrom, to: policy.callingWindowTo })) {
    throw new SafeError(`${E}.windowOutsidePolicy`, { from: policy.callingWindowFrom, to: policy.callingWindowTo });
  }
}

async function calldogRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ProviderError) throw new SafeError(`${E}.calldogUnavailable`);
    throw error;
  }
}

function nextStep(step: WizardStep): WizardStep {
  return WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(step) + 1, WIZARD_STEPS.length - 1)] as WizardStep;
}

function later(a: WizardStep, b: WizardStep): WizardStep {
  return WIZARD_STEPS.indexOf(a) >= WIZARD_STEPS.indexOf(b) ? a : b;
}
