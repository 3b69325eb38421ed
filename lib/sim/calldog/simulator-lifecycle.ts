import { type SimCall, type SimState, callInfo } from "@/lib/sim/calldog/simulator-state";
import { enqueueWebhook } from "@/lib/sim/calldog/simulator-webhooks";
import { CALLDOG_FINAL_STATUSES, CALLDOG_REASONS, CALLDOG_STAYED_ON_LINE, type CalldogCallStatus } from "@/lib/providers/calldog/wire";
import type { SimContext } from "@/lib/sim/types";

/**
 * Simulated durations of the steps before the outcome (ms). Calldog's clock is the wall clock: each step takes
 * `realDelay` of its simulated length (a demo's time scale makes calls quick), while the reported talk time is
 * the simulated one, so that no time Calldog reports lies in the future.
 */
const START_DELAY_MS = 1_000;
const DIAL_MS = 2_000;
const RING_MIN_MS = 3_000;
const RING_MAX_MS = 12_000;
const IVR_PRESS_MAX_MS = 5_000;

/** Moderation: an account without it starts everything; otherwise only calls whose every record is moderated (never inline TTS). */
export function mayStart(state: SimState, call: SimCall): boolean {
  const account = state.accounts.find((a) => a.id === call.accountId);
  if (!account?.moderation) return true;
  if (call.ttsText !== undefined) return false;
  const ids = [call.recordId, ...call.ivrs.map((h) => h.recordId)].filter((id): id is number => id !== undefined);
  return ids.every((id) => state.records.get(id)?.moderated === true);
}

/** `plannedAt` delays the start; otherwise a call starts a second after it is created (or approved). */
export function startDelayMs(call: SimCall, now: number, ctx: SimContext): number {
  const delay = ctx.clock.realDelay(START_DELAY_MS);
  return call.plannedAt !== null ? Math.max(delay, call.plannedAt - now) : delay;
}

/** Moves every live call forward to the wall clock, one status change at a time, each with its webhook. */
export function advanceCalls(state: SimState, ctx: SimContext): void {
  const now = ctx.clock.wall();
  for (const call of state.calls.values()) {
    if (isFinal(call.status)) continue;
    if (call.nextAt === null && call.reason === CALLDOG_REASONS.moderation && mayStart(state, call)) {
      call.reason = null;
      call.nextAt = now + startDelayMs(call, now, ctx);
    }
    while (call.nextAt !== null && (call.ivrAt ?? call.nextAt) <= now) {
      if (call.ivrAt !== null && call.ivrAt <= call.nextAt) {
        pressIvr(state, call, ctx, call.ivrAt);
        continue;
      }
      step(state, call, ctx, call.nextAt);
    }
  }
}

function step(state: SimState, call: SimCall, ctx: SimContext, at: number): void {
  const { rng, outcomes, clock } = ctx;
  if (call.status === "created") {
    const account = state.accounts.find((a) => a.id === call.accountId);
    // A number blacklisted after the call was created: the call never dials.
    if (account?.blacklist.includes(call.phone)) end(state, call, "canceled", CALLDOG_REASONS.blacklisted, at);
    else {
      call.startedAt = at;
      change(state, call, "started", at + clock.realDelay(DIAL_MS));
    }
  } else if (call.status === "started") {
    call.processedAt = at;
    change(state, call, "processed", at + clock.realDelay(rng.int(RING_MIN_MS, RING_MAX_MS)));
  } else if (call.status === "processed") {
    const r = rng.next();
    if (r < outcomes.busyRate) end(state, call, "busy", CALLDOG_REASONS.busy, at);
    else if (r >= outcomes.busyRate + outcomes.answerRate) end(state, call, "canceled", CALLDOG_REASONS.noAnswer, at);
    else {
      call.answeredAt = at;
      call.talkMs = rng.int(outcomes.minTalkSeconds, outcomes.maxTalkSeconds) * 1000;
      call.ivrAt = call.ivrs.length > 0 ? at + clock.realDelay(Math.min(IVR_PRESS_MAX_MS, Math.floor(call.talkMs / 2))) : null;
      change(state, call, "answered", at + clock.realDelay(call.talkMs));
    }
  } else if (call.status === "answered") {
    end(state, call, "finished", null, at);
  }
}

function end(state: SimState, call: SimCall, status: CalldogCallStatus, reason: string | null, at: number): void {
  call.reason = reason;
  call.finishedAt = at;
  call.ivrAt = null;
  change(state, call, status, null);
}

function change(state: SimState, call: SimCall, status: CalldogCallStatus, nextAt: number | null): void {
  call.status = status;
  call.nextAt = nextAt;
  if (call.webhookUrl) enqueueWebhook(state, call.webhookUrl, callInfo(call), call.finishedAt ?? call.answeredAt ?? call.processedAt ?? call.startedAt ?? call.createdAt);
}

/**
 * The callee picks one of the handlers, each equally likely; the empty-digit handler means they stayed on the line
 * (ivrAnswer -1). A handler with key words is answered by voice (its first word) half the time.
 */
function pressIvr(state: SimState, call: SimCall, ctx: SimContext, at: number): void {
  call.ivrAt = null;
  const handler = ctx.rng.pick(call.ivrs);
  const spoken = handler.keyWords[0] !== undefined && (handler.digit === null || ctx.rng.chance(0.5));
  const answer = spoken ? (handler.keyWords[0] as string) : (handler.digit ?? CALLDOG_STAYED_ON_LINE);
  call.ivrAnswer = answer;
  const account = state.accounts.find((a) => a.id === call.accountId);
  if (handler.needBlock && account) {
    if (!account.blacklist.includes(call.phone)) account.blacklist.push(call.phone);
    call.blacklisted = true;
  }
  if (handler.managerPhone) call.transferredTo = handler.managerPhone;
  if (handler.smsText) call.smsSent = handler.smsText;
  if (handler.webhookUrl) {
    const { call: _ignored, ...extra } = handler.webhookParameters ?? {};
    enqueueWebhook(state, handler.webhookUrl, { call: { phone: call.phone, answer }, ...extra }, at);
  }
}

function isFinal(status: CalldogCallStatus): boolean {
  return CALLDOG_FINAL_STATUSES.includes(status);
}
