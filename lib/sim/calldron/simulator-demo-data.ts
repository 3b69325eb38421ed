import type { AccountData, SimBatch, SimState } from "@/lib/sim/calldron/simulator-state";
import { takeId } from "@/lib/sim/calldron/simulator-state";
import { Rng } from "@/lib/sim/rng";

const DAY = 86_400_000;
// Codes of Russian mobile operators (+7 9XX), so every number is a valid mobile.
const MOBILE_CODES = [900, 901, 902, 903, 904, 905, 906, 908, 909, 910, 911, 912, 913, 914, 915, 916, 917, 918, 919, 920, 921, 922, 925, 926, 927, 928, 929, 930, 931, 950, 951, 952, 953, 960, 961, 962, 963, 964, 965, 977, 978, 980, 981, 982, 983, 985, 987, 991, 995, 999];

const DEMO_LISTS = [
  { name: "Пациенты клиники «Здоровье»", size: 900 },
  { name: "Клиенты автосервиса «Мотор»", size: 650 },
  { name: "Подписчики рассылки", size: 1200 },
  { name: "Должники ТСЖ «Берёзка»", size: 420 },
  { name: "Тестовый список", size: 5 },
];

type DemoBatch = Pick<SimBatch, "name" | "description" | "type" | "confirmation" | "attempts" | "callDelay"> & {
  list: number;
  calls: number;
  daysAgo: number;
};

const FINISHED_BATCHES: DemoBatch[] = [
  { name: "Напоминание о записи к врачу", description: "Напоминание пациентам о приёме за день до визита, подтверждение нажатием 1", type: "batch", confirmation: "dtmf", attempts: 2, callDelay: 600, list: 0, calls: 320, daysAgo: 9 },
  { name: "Опрос качества обслуживания", description: "Короткий опрос клиентов после ремонта автомобиля", type: "batch", confirmation: "timeout", attempts: 1, callDelay: 60, list: 1, calls: 260, daysAgo: 5 },
  { name: "Уведомление о задолженности", description: "Напоминание об оплате коммунальных услуг до конца месяца", type: "batch", confirmation: "timeout", attempts: 3, callDelay: 1800, list: 3, calls: 380, daysAgo: 2 },
];

const FRESH_BATCH: DemoBatch = {
  name: "Акция выходного дня",
  description: "Приглашение подписчиков на распродажу в субботу и воскресенье",
  type: "batch",
  confirmation: "dtmf",
  attempts: 2,
  callDelay: 900,
  list: 2,
  calls: 0,
  daysAgo: 0,
};

/** Deterministic Russian demo data: lists of valid mobiles, three finished batches with recordings, one fresh batch. */
export function seedDemoData(state: SimState, now: number): void {
  const rng = new Rng(2026);
  const demo = state.accounts.demo;
  const second = state.accounts.second;
  if (demo) {
    const lists = DEMO_LISTS.map((l) => addList(state, demo, rng, l.name, l.size, now - 30 * DAY));
    for (const b of FINISHED_BATCHES) addBatch(state, demo, rng, b, lists[b.list] ?? [], now);
    addBatch(state, demo, rng, FRESH_BATCH, [], now);
  }
  if (second) {
    const phones = addList(state, second, rng, "Сотрудники офиса", 15, now - 20 * DAY);
    addBatch(state, second, rng, { name: "Проверка связи", description: "Тестовый обзвон сотрудников", type: "instant", confirmation: "timeout", attempts: 1, callDelay: 60, list: 0, calls: 12, daysAgo: 3 }, phones, now);
  }
}

function addList(state: SimState, account: AccountData, rng: Rng, name: string, size: number, createdAt: number): string[] {
  const id = takeId(state, "list");
  account.lists.push({ id, name, createdAt });
  const phones = new Set<string>();
  while (phones.size < size) phones.add(`+7${rng.pick(MOBILE_CODES)}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`);
  for (const phone of phones) account.subscribers.push({ id: takeId(state, "subscriber"), listId: id, phone });
  return [...phones];
}

function addBatch(state: SimState, account: AccountData, rng: Rng, demo: DemoBatch, phones: string[], now: number): void {
  const id = takeId(state, "batch");
  // Started at 10:00 Moscow time, `daysAgo` days back.
  const start = Math.floor((now - demo.daysAgo * DAY + 3 * 3_600_000) / DAY) * DAY + 7 * 3_600_000;
  account.batches.push({
    id,
    name: demo.name,
    description: demo.description,
    timeZone: "Moscow",
    timeFrom: "09:00",
    timeTo: "20:00",
    attempts: demo.attempts,
    callDelay: demo.callDelay,
    callback: "",
    from: "+74951234567",
    type: demo.type,
    confirmation: demo.confirmation,
    timeoutBeforeIntroCallback: 0,
    intro: { filename: "intro.mp3", kind: "mp3", base64: null, seed: id },
    createdAt: start - DAY,
  });
  for (let i = 0; i < Math.min(demo.calls, phones.length); i++) {
    const dialedAt = start + i * 20_000 + rng.int(0, 15_000);
    const r = rng.next();
    const answered = r < 0.62;
    const talkSeconds = answered ? rng.int(50, 900) / 10 : 0;
    const ring = rng.int(3, 25) * 1000;
    const endedAt = dialedAt + ring + talkSeconds * 1000;
    account.calls.push({
      id: takeId(state, "call"),
      batchId: id,
      phone: phones[i] as string,
      status: answered ? "answered" : r < 0.77 ? "busy" : r < 0.8 ? "failed" : "no_answer",
      result: answered ? (rng.chance(0.7) ? "confirmed" : "not_confirmed") : null,
      final: true,
      attempt: answered ? 1 : demo.attempts,
      nextAt: endedAt,
      dialedAt,
      endedAt,
      talkSeconds,
      createdAt: start,
    });
  }
}
