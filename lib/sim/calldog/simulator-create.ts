import { type CalldogBody, fail, flag, integer, ok } from "@/lib/sim/calldog/simulator-http";
import { mayStart, startDelayMs } from "@/lib/sim/calldog/simulator-lifecycle";
import { newSimCall, type SimAccount, type SimCall, type SimIvr, type SimState } from "@/lib/sim/calldog/simulator-state";
import {
  CALLDOG_BLACKLISTED_MESSAGE,
  CALLDOG_MAX_PHONES_PER_REQUEST,
  CALLDOG_REASONS,
  CALLDOG_SMS_MAX,
  CALLDOG_TEXT_MAX,
  CALLDOG_TTS_PRICE_KOPECKS,
  CALLDOG_URL_MAX,
  isCalldogPhone,
} from "@/lib/providers/calldog/wire";
import type { SimContext, SimRequest, SimResponse } from "@/lib/sim/types";

type Valid = {
  phones: string[];
  outgoingPhone: string;
  plannedAt: number | null;
  needRecording: boolean;
  webhookUrl?: string;
  recordId?: number;
  ttsText?: string;
  gender: 0 | 1;
  ivrs: SimIvr[];
  lang: string;
};

class Invalid extends Error {
  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}

/** apiCalls/create: whole-request rules first (one error envelope), then one item per number. */
export function createCalls(state: SimState, account: SimAccount, body: CalldogBody, req: SimRequest, ctx: SimContext): SimResponse {
  let valid: Valid;
  try {
    valid = validate(state, account, body.fields, ctx);
  } catch (error) {
    if (error instanceof Invalid) return fail(error.status, error.message);
    throw error;
  }
  if (valid.ttsText !== undefined) {
    if (account.balanceKopecks < CALLDOG_TTS_PRICE_KOPECKS) return fail(402, "Недостаточно средств для генерации голоса");
    account.balanceKopecks -= CALLDOG_TTS_PRICE_KOPECKS;
  }
  const now = ctx.clock.wall();
  const items = valid.phones.map((phone) => {
    if (!isCalldogPhone(phone)) return { id: null, phone, status: "error", message: "Номер должен состоять из 11 цифр и начинаться с 7" };
    if (account.blacklist.includes(phone)) return { id: null, phone, status: "error", message: CALLDOG_BLACKLISTED_MESSAGE };
    const call = newCall(state, account, valid, phone, now, req.baseUrl, ctx);
    return { id: call.id, phone, status: call.status, createdAt: Math.floor(now / 1000) };
  });
  return ok(items);
}

function newCall(state: SimState, account: SimAccount, v: Valid, phone: string, now: number, baseUrl: string, ctx: SimContext): SimCall {
  const call = newSimCall({
    id: state.nextId.call++,
    accountId: account.id,
    phone,
    outgoingPhone: v.outgoingPhone,
    recordId: v.recordId,
    ttsText: v.ttsText,
    gender: v.gender,
    ivrs: v.ivrs,
    lang: v.lang,
    needRecording: v.needRecording,
    webhookUrl: v.webhookUrl,
    baseUrl,
    createdAt: now,
    plannedAt: v.plannedAt,
  });
  const allowed = mayStart(state, call);
  call.reason = allowed ? null : CALLDOG_REASONS.moderation;
  call.nextAt = allowed ? now + startDelayMs(call, now, ctx) : null;
  state.calls.set(call.id, call);
  return call;
}

function validate(state: SimState, account: SimAccount, f: Record<string, unknown>, ctx: SimContext): Valid {
  const phones = phonesOf(f);
  const outgoingPhone = outgoingPhoneOf(state, account, f, ctx);
  const plannedAt = f.plannedAt === undefined || f.plannedAt === null ? null : integer(f.plannedAt);
  if (plannedAt === undefined || (plannedAt !== null && plannedAt < 0)) throw new Invalid("plannedAt: ожидается unix-время в секундах");
  const needRecording = flag(f.needRecording);
  if (needRecording === undefined) throw new Invalid("needRecording: ожидается 0 или 1");
  const webhookUrl = urlOf(f.webhookUrl, "webhookUrl");
  const record = recordOf(state, account, f.record);
  const ivrs = ivrsOf(state, account, f.ivrs);
  const lang = f.lang === undefined || f.lang === null || f.lang === "" ? (account.languages[0] ?? "ru-RU") : f.lang;
  if (typeof lang !== "string" || !account.languages.includes(lang)) throw new Invalid("lang: язык недоступен, см. getAvailableLanguages");
  return { phones, outgoingPhone, plannedAt: plannedAt === null ? null : plannedAt * 1000, needRecording: needRecording === 1, webhookUrl, ...record, ivrs, lang };
}

function phonesOf(f: Record<string, unknown>): string[] {
  if (f.phone !== undefined && f.phones !== undefined) throw new Invalid("Укажите либо phone, либо phones");
  if (f.phone !== undefined) {
    if (!isCalldogPhone(f.phone)) throw new Invalid("phone: номер должен состоять из 11 цифр и начинаться с 7");
    return [f.phone];
  }
  if (f.phones === undefined) throw new Invalid("Поле phone или phones обязательно");
  if (!Array.isArray(f.phones) || f.phones.length === 0) throw new Invalid("phones: ожидается непустой массив номеров");
  if (f.phones.length > CALLDOG_MAX_PHONES_PER_REQUEST) throw new Invalid(`phones: не более ${CALLDOG_MAX_PHONES_PER_REQUEST} номеров за запрос`);
  return f.phones.map((p) => (typeof p === "number" ? String(p) : typeof p === "string" ? p : ""));
}

function outgoingPhoneOf(state: SimState, account: SimAccount, f: Record<string, unknown>, ctx: SimContext): string {
  const duty = flag(f.dutyPhone);
  if (duty === undefined) throw new Invalid("dutyPhone: ожидается 0 или 1");
  const own = state.phones.filter((p) => p.accountId === account.id && p.confirmed);
  if (f.outgoingPhone === undefined || f.outgoingPhone === null || f.outgoingPhone === "") {
    if (duty !== 1) throw new Invalid("outgoingPhone обязателен, если dutyPhone не равен 1");
    const duties = own.filter((p) => p.duty);
    if (duties.length === 0) throw new Invalid("dutyPhone: в аккаунте нет дежурных номеров");
    return ctx.rng.pick(duties).phone;
  }
  if (!isCalldogPhone(f.outgoingPhone)) throw new Invalid("outgoingPhone: номер должен состоять из 11 цифр и начинаться с 7");
  if (!own.some((p) => p.phone === f.outgoingPhone)) throw new Invalid("outgoingPhone: номер не добавлен или не подтверждён в личном кабинете");
  return f.outgoingPhone;
}

function urlOf(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || value.length > CALLDOG_URL_MAX) throw new Invalid(`${field}: строка не длиннее ${CALLDOG_URL_MAX} символов`);
  if (!/^https?:\/\/[^\s]+$/i.test(value) || !URL.canParse(value)) throw new Invalid(`${field}: некорректный URL`);
  return value;
}

function recordOf(state: SimState, account: SimAccount, value: unknown): { recordId?: number; ttsText?: string; gender: 0 | 1 } {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Invalid("record: обязательный объект с id или text");
  const r = value as Record<string, unknown>;
  const hasId = r.id !== undefined && r.id !== null;
  const hasText = r.text !== undefined && r.text !== null;
  if (hasId === hasText) throw new Invalid("record: укажите либо id, либо text");
  const gender = flag(r.gender);
  if (gender === undefined) throw new Invalid("record.gender: 0 (женский) или 1 (мужской)");
  if (hasId) return { recordId: ownRecordId(state, account, r.id, "record.id"), gender };
  if (typeof r.text !== "string" || r.text.trim() === "") throw new Invalid("record.text: пустой текст");
  if (r.text.length > CALLDOG_TEXT_MAX) throw new Invalid(`record.text: не более ${CALLDOG_TEXT_MAX} символов`);
  return { ttsText: r.text, gender };
}

function ownRecordId(state: SimState, account: SimAccount, value: unknown, field: string): number {
  const id = integer(value);
  const record = id === undefined ? undefined : state.records.get(id);
  if (!record || record.accountId !== account.id || id === undefined) throw new Invalid(`${field}: аудиоролик не найден`);
  return id;
}

function ivrsOf(state: SimState, account: SimAccount, value: unknown): SimIvr[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Invalid("ivrs: ожидается массив");
  const seen = new Set<number | null>();
  return value.map((raw, i) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new Invalid(`ivrs.${i}: ожидается объект`);
    const h = raw as Record<string, unknown>;
    const digit = h.digit === undefined || h.digit === null || h.digit === "" ? null : integer(h.digit);
    if (digit === undefined || (digit !== null && (digit < 0 || digit > 9))) throw new Invalid(`ivrs.${i}.digit: цифра от 0 до 9`);
    if (seen.has(digit)) throw new Invalid(`ivrs.${i}.digit: цифра ${digit ?? "«пусто»"} уже используется`);
    seen.add(digit);
    if (h.keyWords !== undefined && h.keyWords !== null && typeof h.keyWords !== "string") throw new Invalid(`ivrs.${i}.keyWords: строка`);
    const needBlock = flag(h.needBlock);
    if (needBlock === undefined) throw new Invalid(`ivrs.${i}.needBlock: 0 или 1`);
    const rec = h.record as { id?: unknown } | undefined | null;
    const recordId = rec?.id === undefined || rec.id === null ? undefined : ownRecordId(state, account, rec.id, `ivrs.${i}.record.id`);
    if (h.managerPhone !== undefined && h.managerPhone !== null && !isCalldogPhone(h.managerPhone)) {
      throw new Invalid(`ivrs.${i}.managerPhone: номер должен состоять из 11 цифр и начинаться с 7`);
    }
    if (h.smsText !== undefined && h.smsText !== null && (typeof h.smsText !== "string" || h.smsText.length > CALLDOG_SMS_MAX)) {
      throw new Invalid(`ivrs.${i}.smsText: не более ${CALLDOG_SMS_MAX} символов`);
    }
    return {
      digit,
      keyWords: typeof h.keyWords === "string" ? h.keyWords.split(" ").filter(Boolean) : [],
      needBlock: needBlock === 1,
      recordId,
      managerPhone: (h.managerPhone as string | undefined) ?? undefined,
      smsText: (h.smsText as string | undefined) ?? undefined,
      webhookUrl: urlOf(h.webhookUrl, `ivrs.${i}.webhookUrl`),
      webhookParameters: parametersOf(h.webhookParameters, i),
    };
  });
}

function parametersOf(value: unknown, i: number): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const message = `ivrs.${i}.webhookParameters: ожидается JSON-строка с объектом`;
  if (typeof value !== "string") throw new Invalid(message);
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Invalid(message);
    return parsed as Record<string, unknown>;
  } catch {
    throw new Invalid(message);
  }
}
