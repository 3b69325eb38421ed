import type { AccountData, SimBatch, SimCall } from "@/lib/sim/calldron/simulator-state";
import type { SimContext } from "@/lib/sim/types";

/** Rails time-zone names the simulator accepts, with their UTC offsets in hours (no daylight saving in Russia). */
export const TIME_ZONE_OFFSETS: Record<string, number> = {
  UTC: 0,
  Kaliningrad: 2,
  Moscow: 3,
  Volgograd: 3,
  Samara: 4,
  Ekaterinburg: 5,
  Omsk: 6,
  Novosibirsk: 7,
  Krasnoyarsk: 7,
  Irkutsk: 8,
  Yakutsk: 9,
  Vladivostok: 10,
  Magadan: 11,
  Srednekolymsk: 11,
  Kamchatka: 12,
};

/** A new call waits this long in the queue before it is dialled. */
export const QUEUE_DELAY_MS = 2_000;
const RING_SECONDS = { min: 3, max: 25 };
const FAILED_RATE = 0.03;
const CONFIRM_RATE = 0.7;

/** Moves a call through fresh → dialing → talking → answered, or to busy/no_answer/failed, up to `now`. */
export function advanceCall(call: SimCall, batch: SimBatch, now: number, ctx: SimContext): void {
  while (!call.final && call.nextAt <= now) step(call, batch, ctx);
}

export function advanceAccount(account: AccountData, now: number, ctx: SimContext): void {
  const batches = new Map(account.batches.map((b) => [b.id, b]));
  for (const call of account.calls) {
    const batch = batches.get(call.batchId);
    if (batch && !call.final) advanceCall(call, batch, now, ctx);
  }
}

export function batchStatus(account: AccountData, batchId: number): "fresh" | "running" | "finished" {
  let any = false;
  for (const call of account.calls) {
    if (call.batchId !== batchId) continue;
    if (!call.final) return "running";
    any = true;
  }
  return any ? "finished" : "fresh";
}

function step(call: SimCall, batch: SimBatch, ctx: SimContext): void {
  const at = call.nextAt;
  if (call.status === "dialing") {
    resolveDial(call, batch, at, ctx);
    return;
  }
  if (call.status === "talking") {
    call.status = "answered";
    call.final = true;
    call.endedAt = at;
    call.result = ctx.rng.chance(CONFIRM_RATE) ? "confirmed" : "not_confirmed";
    return;
  }
  // fresh, or a failed attempt waiting for its retry
  const open = nextOpen(batch, at);
  if (open > at) {
    call.nextAt = open;
    return;
  }
  call.attempt += 1;
  call.status = "dialing";
  call.dialedAt = at;
  call.endedAt = null;
  call.nextAt = at + ctx.rng.int(RING_SECONDS.min, RING_SECONDS.max) * 1000;
}

function resolveDial(call: SimCall, batch: SimBatch, at: number, ctx: SimContext): void {
  const { answerRate, busyRate, minTalkSeconds, maxTalkSeconds } = ctx.outcomes;
  const r = ctx.rng.next();
  if (r < answerRate) {
    call.status = "talking";
    call.talkSeconds = ctx.rng.int(minTalkSeconds * 10, maxTalkSeconds * 10) / 10;
    call.nextAt = at + call.talkSeconds * 1000;
    return;
  }
  call.status = r < answerRate + busyRate ? "busy" : r < answerRate + busyRate + FAILED_RATE ? "failed" : "no_answer";
  call.endedAt = at;
  if (call.attempt < batch.attempts) call.nextAt = at + batch.callDelay * 1000;
  else call.final = true;
}

/** The first moment at or after `at` inside the batch's daily calling window (the window is in its time zone). */
export function nextOpen(batch: SimBatch, at: number): number {
  if (!batch.timeFrom || !batch.timeTo) return at;
  const offsetMs = (TIME_ZONE_OFFSETS[batch.timeZone] ?? 3) * 3_600_000;
  const from = minutes(batch.timeFrom);
  const to = minutes(batch.timeTo);
  if (from === to) return at;
  const local = at + offsetMs;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const m = (local - dayStart) / 60_000;
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  if (inside) return at;
  let open = dayStart + from * 60_000 - offsetMs;
  if (open < at) open += 86_400_000;
  return open;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
