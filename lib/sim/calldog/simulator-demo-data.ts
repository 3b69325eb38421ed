import { newSimCall, type SimCall, type SimIvr, type SimRecord, type SimState } from "@/lib/sim/calldog/simulator-state";
import { CALLDOG_REASONS } from "@/lib/providers/calldog/wire";
import { Rng } from "@/lib/sim/rng";

const DAY_MS = 86_400_000;
const DEMO_CALLS = 3_000;
const DEMO_DAYS = 21;

const DEMO_RECORDS: { name: string; source: "file" | "text"; text?: string }[] = [
  { name: "Напоминание о записи к врачу", source: "file" },
  { name: "Акция: скидка 20% на доставку", source: "file" },
  {
    name: "Опрос удовлетворённости",
    source: "text",
    text: "Здравствуйте! Это служба качества компании «Ромашка». Если вы довольны нашей работой, нажмите 1. Если нет — нажмите 2.",
  },
  {
    name: "Подтверждение заказа",
    source: "text",
    text: "Добрый день! Ваш заказ готов к выдаче. Нажмите 1, чтобы подтвердить получение, или 2, чтобы связаться с оператором.",
  },
  {
    name: "Напоминание об оплате",
    source: "text",
    text: "Напоминаем, что срок оплаты по договору истекает через три дня. Чтобы больше не получать такие звонки, нажмите 9.",
  },
];

const DEMO_IVRS: SimIvr[] = [
  { digit: 1, keyWords: ["да"], needBlock: false, webhookUrl: undefined },
  { digit: 2, keyWords: ["нет"], needBlock: false, managerPhone: "74951234500" },
  { digit: 9, keyWords: [], needBlock: true, smsText: "Вы отписаны от звонков «Ромашки»." },
  { digit: null, keyWords: [], needBlock: false },
];

/**
 * The demo account's history: records, and a few thousand finished calls over the last three weeks in working hours.
 * No audio is made here; recordings and TTS are encoded on first play.
 */
export function seedDemoData(state: SimState, now: number): void {
  const rng = new Rng(2026);
  const demo = state.accounts[0];
  const moderated = state.accounts[1];
  if (!demo || !moderated) return;
  const recordIds = DEMO_RECORDS.map((r, i) => addRecord(state, { ...r, accountId: demo.id, moderated: true, createdAt: now - (30 - i) * DAY_MS }));
  addRecord(state, { name: "Новогодняя распродажа", source: "file", accountId: moderated.id, moderated: false, createdAt: now - 2 * DAY_MS });
  const callerIds = state.phones.filter((p) => p.accountId === demo.id && p.confirmed).map((p) => p.phone);

  const starts: number[] = [];
  for (let i = 0; i < DEMO_CALLS; i++) {
    const day = new Date(now - rng.int(1, DEMO_DAYS) * DAY_MS);
    // Moscow working hours 9:00–20:00 (UTC+3).
    day.setUTCHours(6 + rng.int(0, 10), rng.int(0, 59), rng.int(0, 59), 0);
    starts.push(day.getTime());
  }
  starts.sort((a, b) => a - b);
  for (const start of starts) addCall(state, rng, demo.id, start, rng.pick(recordIds), rng.pick(callerIds));
}

function addRecord(state: SimState, r: Omit<SimRecord, "id" | "format">): number {
  const id = state.nextId.record++;
  state.records.set(id, { ...r, id, format: "mp3", ...(r.source === "text" ? { gender: 0 } : {}) });
  return id;
}

function addCall(state: SimState, rng: Rng, accountId: number, createdAt: number, recordId: number, outgoingPhone: string): void {
  const id = state.nextId.call++;
  const startedAt = createdAt + 1_000;
  const processedAt = startedAt + 2_000;
  const endAt = processedAt + rng.int(3_000, 12_000);
  const roll = rng.next();
  const withIvr = rng.chance(0.6);
  const call = newSimCall({
    id,
    accountId,
    phone: `79${String(rng.int(0, 999_999_999)).padStart(9, "0")}`,
    outgoingPhone,
    status: roll < 0.6 ? "finished" : roll < 0.85 ? "canceled" : "busy",
    recordId,
    gender: 0,
    ivrs: withIvr ? DEMO_IVRS : [],
    lang: "ru-RU",
    needRecording: rng.chance(0.7),
    baseUrl: "",
    createdAt,
    startedAt,
    processedAt,
    finishedAt: endAt,
  });
  if (call.status === "finished") {
    call.answeredAt = endAt;
    call.talkMs = rng.int(6, 75) * 1000;
    call.finishedAt = endAt + call.talkMs;
    if (withIvr) applyIvr(state, rng, call);
  } else {
    call.reason = call.status === "busy" ? CALLDOG_REASONS.busy : CALLDOG_REASONS.noAnswer;
  }
  state.calls.set(id, call);
}

function applyIvr(state: SimState, rng: Rng, call: SimCall): void {
  const handler = rng.pick(call.ivrs);
  call.ivrAnswer = handler.digit ?? -1;
  if (handler.managerPhone) call.transferredTo = handler.managerPhone;
  if (handler.smsText) call.smsSent = handler.smsText;
  if (handler.needBlock) {
    call.blacklisted = true;
    state.accounts.find((a) => a.id === call.accountId)?.blacklist.push(call.phone);
  }
}
