import { advanceCall, batchStatus, QUEUE_DELAY_MS } from "@/lib/sim/calldron/simulator-lifecycle";
import type { MediaCache } from "@/lib/sim/calldron/simulator-media";
import { type AccountData, type SimBatch, type SimCall, type SimState, type SimSubscriber, takeId } from "@/lib/sim/calldron/simulator-state";
import { checkBatchFields, checkListFields, checkPhoneOnly, invalid, jsonError, readWrapped } from "@/lib/sim/calldron/simulator-validate";
import { formatCalldronTime } from "@/lib/providers/calldron/wire";
import { serveBytes } from "@/lib/sim/range";
import type { SimContext, SimRequest, SimResponse } from "@/lib/sim/types";

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

export type RouteInput = { req: SimRequest; ctx: SimContext; state: SimState; account: AccountData; media: MediaCache; ids: number[] };
type Handler = (r: RouteInput) => SimResponse;

const NOT_FOUND = jsonError(404, "Not Found");

const ROUTES: [string, RegExp, Handler][] = [
  ["GET", /^\/batches$/, listBatches],
  ["POST", /^\/batches$/, createBatch],
  ["PUT", /^\/batches\/(\d+)$/, updateBatch],
  ["DELETE", /^\/batches\/(\d+)$/, deleteBatch],
  ["GET", /^\/batches\/(\d+)\/intro$/, playIntro],
  ["GET", /^\/batches\/(\d+)\/calls$/, listCalls],
  ["POST", /^\/batches\/(\d+)\/calls$/, createCall],
  ["GET", /^\/batches\/(\d+)\/calls\/(\d+)$/, showCall],
  ["GET", /^\/batches\/(\d+)\/calls\/(\d+)\/record\.mp3$/, playRecording],
  ["GET", /^\/lists$/, listLists],
  ["POST", /^\/lists$/, createList],
  ["GET", /^\/lists\/(\d+)$/, showList],
  ["DELETE", /^\/lists\/(\d+)$/, deleteList],
  ["GET", /^\/lists\/(\d+)\/subscribers$/, listSubscribers],
  ["POST", /^\/lists\/(\d+)\/subscribers$/, addSubscriber],
  ["GET", /^\/lists\/(\d+)\/subscribers\/(\d+)$/, showSubscriber],
  ["DELETE", /^\/lists\/(\d+)\/subscribers\/(\d+)$/, deleteSubscriber],
];

/** Finds the route; a known path with another method is 405, anything else 404. */
export function route(input: Omit<RouteInput, "ids">): SimResponse {
  const path = input.req.path.length > 1 ? input.req.path.replace(/\/+$/, "") : input.req.path;
  let pathKnown = false;
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (method === input.req.method) return handler({ ...input, ids: match.slice(1).map(Number) });
  }
  return pathKnown ? jsonError(405, "Method Not Allowed") : NOT_FOUND;
}

function listBatches({ account, req }: RouteInput): SimResponse {
  return { status: 200, body: account.batches.map((b) => batchOut(b, account, req.baseUrl)) };
}

function createBatch({ req, state, account, ctx }: RouteInput): SimResponse {
  const body = readWrapped(req, "batch");
  if (!body.ok) return body.response;
  const checked = checkBatchFields(body.value, true, state.nextId.batch);
  if (!checked.ok) return checked.response;
  const batch: SimBatch = {
    id: takeId(state, "batch"),
    name: "",
    description: "",
    timeZone: "Moscow",
    timeFrom: null,
    timeTo: null,
    attempts: 1,
    callDelay: 60,
    callback: "",
    from: "",
    type: "batch",
    confirmation: "timeout",
    timeoutBeforeIntroCallback: 0,
    intro: null,
    ...checked.value,
    createdAt: ctx.clock.now(),
  };
  account.batches.push(batch);
  return { status: 200, body: { id: String(batch.id) } };
}

function updateBatch({ req, account, ids }: RouteInput): SimResponse {
  const batch = account.batches.find((b) => b.id === ids[0]);
  if (!batch) return NOT_FOUND;
  const body = readWrapped(req, "batch");
  if (!body.ok) return body.response;
  const checked = checkBatchFields(body.value, false, batch.id);
  if (!checked.ok) return checked.response;
  Object.assign(batch, checked.value);
  return { status: 200, body: { id: String(batch.id) } };
}

function deleteBatch({ account, ids }: RouteInput): SimResponse {
  const batch = account.batches.find((b) => b.id === ids[0]);
  if (!batch) return NOT_FOUND;
  account.batches = account.batches.filter((b) => b !== batch);
  account.calls = account.calls.filter((c) => c.batchId !== batch.id);
  return { status: 200, body: { id: String(batch.id) } };
}

function playIntro({ req, account, media, ids }: RouteInput): SimResponse {
  const batch = account.batches.find((b) => b.id === ids[0]);
  const bytes = batch && media.intro(batch);
  if (!batch?.intro || !bytes) return NOT_FOUND;
  return serveBytes(req, bytes, batch.intro.kind === "wav" ? "audio/wav" : "audio/mpeg");
}

function listCalls({ req, account, ids }: RouteInput): SimResponse {
  if (!account.batches.some((b) => b.id === ids[0])) return NOT_FOUND;
  return paginate(req, account.calls.filter((c) => c.batchId === ids[0]), (c) => callOut(c, req.baseUrl));
}

function createCall({ req, state, account, ctx, ids }: RouteInput): SimResponse {
  const batch = account.batches.find((b) => b.id === ids[0]);
  if (!batch) return NOT_FOUND;
  const body = readWrapped(req, "call");
  if (!body.ok) return body.response;
  const phone = checkPhoneOnly(body.value);
  if (!phone.ok) return phone.response;
  const now = ctx.clock.now();
  const call: SimCall = {
    id: takeId(state, "call"),
    batchId: batch.id,
    phone: phone.value,
    status: "fresh",
    result: null,
    final: false,
    attempt: 0,
    nextAt: now + QUEUE_DELAY_MS,
    dialedAt: null,
    endedAt: null,
    talkSeconds: 0,
    createdAt: now,
  };
  account.calls.push(call);
  advanceCall(call, batch, now, ctx);
  return { status: 200, body: {} };
}

function showCall({ req, account, ids }: RouteInput): SimResponse {
  const call = account.calls.find((c) => c.id === ids[1] && c.batchId === ids[0]);
  return call ? { status: 200, body: callOut(call, req.baseUrl) } : NOT_FOUND;
}

function playRecording({ req, account, media, ids }: RouteInput): SimResponse {
  const call = account.calls.find((c) => c.id === ids[1] && c.batchId === ids[0]);
  if (!call || !hasRecording(call)) return NOT_FOUND;
  return serveBytes(req, media.recording(call), "audio/mpeg");
}

function listLists({ req, account }: RouteInput): SimResponse {
  return paginate(req, account.lists, (l) => ({ id: l.id, name: l.name, predefined_type: null, url: `${req.baseUrl}lists/${l.id}` }));
}

function createList({ req, state, account, ctx }: RouteInput): SimResponse {
  const body = readWrapped(req, "list");
  if (!body.ok) return body.response;
  const name = checkListFields(body.value);
  if (!name.ok) return name.response;
  account.lists.push({ id: takeId(state, "list"), name: name.value, createdAt: ctx.clock.now() });
  return { status: 200, body: { status: "ok" } };
}

function showList({ account, ids }: RouteInput): SimResponse {
  const list = account.lists.find((l) => l.id === ids[0]);
  return list ? { status: 200, body: { id: list.id, name: list.name, predefined_type: null } } : NOT_FOUND;
}

function deleteList({ account, ids }: RouteInput): SimResponse {
  if (!account.lists.some((l) => l.id === ids[0])) return NOT_FOUND;
  account.lists = account.lists.filter((l) => l.id !== ids[0]);
  account.subscribers = account.subscribers.filter((s) => s.listId !== ids[0]);
  return { status: 200, body: { status: "ok" } };
}

function listSubscribers({ req, account, ids }: RouteInput): SimResponse {
  const list = account.lists.find((l) => l.id === ids[0]);
  if (!list) return NOT_FOUND;
  const members = account.subscribers.filter((s) => s.listId === list.id);
  return paginate(req, members, (s) => ({ list_id: list.id, list_name: list.name, id: s.id, name: s.phone }));
}

/** A number already in the list is accepted again without a second subscriber, so a repeated import is harmless. */
function addSubscriber({ req, state, account, ids }: RouteInput): SimResponse {
  const list = account.lists.find((l) => l.id === ids[0]);
  if (!list) return NOT_FOUND;
  const body = readWrapped(req, "subscriber");
  if (!body.ok) return body.response;
  const phone = checkPhoneOnly(body.value);
  if (!phone.ok) return phone.response;
  const members = memberKeys(account.subscribers);
  const key = `${list.id} ${phone.value}`;
  if (!members.keys.has(key)) {
    account.subscribers.push({ id: takeId(state, "subscriber"), listId: list.id, phone: phone.value });
    members.keys.add(key);
    members.size += 1;
  }
  return { status: 200, body: { status: "ok" } };
}

/**
 * Every account's subscribers by list and number, so that an add does not scan them all (a 100,000-row import
 * would spend most of its time in the simulator). Kept per array: a replaced array (restore, a deleted list)
 * gets a new one, a changed length (an add elsewhere) rebuilds it, and a removal drops it.
 */
const memberIndex = new WeakMap<SimSubscriber[], { size: number; keys: Set<string> }>();

function memberKeys(subscribers: SimSubscriber[]): { size: number; keys: Set<string> } {
  let index = memberIndex.get(subscribers);
  if (!index || index.size !== subscribers.length) {
    index = { size: subscribers.length, keys: new Set(subscribers.map((s) => `${s.listId} ${s.phone}`)) };
    memberIndex.set(subscribers, index);
  }
  return index;
}

function showSubscriber({ account, ids }: RouteInput): SimResponse {
  const list = account.lists.find((l) => l.id === ids[0]);
  const sub = list && account.subscribers.find((s) => s.id === ids[1] && s.listId === list.id);
  return list && sub ? { status: 200, body: { id: sub.id, phone_number: sub.phone, list: list.name } } : NOT_FOUND;
}

function deleteSubscriber({ account, ids }: RouteInput): SimResponse {
  const index = account.subscribers.findIndex((s) => s.id === ids[1] && s.listId === ids[0]);
  if (index < 0) return NOT_FOUND;
  account.subscribers.splice(index, 1);
  memberIndex.delete(account.subscribers);
  return { status: 200, body: { status: "ok" } };
}

/** `page` from 1, `per_page` 1..100 (more is clamped to 100); `next_page` is the next page number or null. */
function paginate<T>(req: SimRequest, items: T[], out: (item: T) => unknown): SimResponse {
  const page = positiveInt(req.query.get("page"), 1);
  const perPage = positiveInt(req.query.get("per_page"), DEFAULT_PER_PAGE);
  if (page === undefined) return invalid({ page: ["must be a whole number from 1"] });
  if (perPage === undefined) return invalid({ per_page: ["must be a whole number from 1"] });
  const size = Math.min(perPage, MAX_PER_PAGE);
  const start = (page - 1) * size;
  const data = items.slice(start, start + size).map(out);
  return { status: 200, body: { next_page: start + size < items.length ? page + 1 : null, data } };
}

function positiveInt(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === "") return fallback;
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

function batchOut(b: SimBatch, account: AccountData, baseUrl: string) {
  return {
    id: String(b.id),
    name: b.name,
    description: b.description,
    attempts: String(b.attempts),
    call_delay: String(b.callDelay),
    callback: b.callback,
    from: b.from,
    confirmation: b.confirmation,
    status: batchStatus(account, b.id),
    type: b.type,
    time_zone: b.timeZone,
    time_from: b.timeFrom ? `2000-01-01T${b.timeFrom}:00` : null,
    time_to: b.timeTo ? `2000-01-01T${b.timeTo}:00` : null,
    timeout_before_intro_callback: String(b.timeoutBeforeIntroCallback),
    intro_filename: b.intro?.filename ?? null,
    intro_url: b.intro ? `${baseUrl}batches/${b.id}/intro` : null,
  };
}

function callOut(c: SimCall, baseUrl: string) {
  return {
    id: String(c.id),
    phone_number: c.phone,
    duration: (c.status === "answered" ? c.talkSeconds : 0).toFixed(1),
    status: c.status,
    result: c.result,
    final: c.final,
    dialed_at: c.dialedAt === null ? null : formatCalldronTime(c.dialedAt),
    ended_at: c.endedAt === null ? null : formatCalldronTime(c.endedAt),
    record_url: hasRecording(c) ? `${baseUrl}batches/${c.batchId}/calls/${c.id}/record.mp3` : null,
  };
}

function hasRecording(c: SimCall): boolean {
  return c.status === "answered" && c.talkSeconds > 0;
}
