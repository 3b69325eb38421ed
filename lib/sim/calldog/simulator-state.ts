import { CALLDOG_LANGUAGES, CALLDOG_SIM_ACCOUNTS } from "@/lib/sim/calldog/simulator-accounts";
import { CALLDOG_AUDIO_PATHS, type CalldogCallStatus } from "@/lib/providers/calldog/wire";

export type SimAccount = {
  id: number;
  key: string;
  name: string;
  /** Account-level moderation: while true, only calls whose records are all moderated start. */
  moderation: boolean;
  balanceKopecks: number;
  loggedAt: number;
  lastPayAt: number;
  languages: string[];
  blacklist: string[];
};

export type SimPhone = { id: number; accountId: number; phone: string; confirmed: boolean; duty: boolean; createdAt: number };

export type SimRecord = {
  id: number;
  accountId: number;
  name: string;
  source: "file" | "text";
  text?: string;
  gender?: 0 | 1;
  moderated: boolean;
  format: "mp3" | "wav";
  /** Uploaded bytes (base64); text records are generated on demand. */
  upload?: string;
  createdAt: number;
};

export type SimIvr = {
  digit: number | null;
  keyWords: string[];
  needBlock: boolean;
  recordId?: number;
  managerPhone?: string;
  smsText?: string;
  webhookUrl?: string;
  webhookParameters?: Record<string, unknown>;
};

export type SimCall = {
  id: number;
  accountId: number;
  phone: string;
  outgoingPhone: string;
  status: CalldogCallStatus;
  reason: string | null;
  recordId?: number;
  ttsText?: string;
  gender: 0 | 1;
  ivrs: SimIvr[];
  lang: string;
  needRecording: boolean;
  webhookUrl?: string;
  /** The base URL the call was created through, for an absolute recordPath in webhooks. */
  baseUrl: string;
  createdAt: number;
  plannedAt: number | null;
  startedAt: number | null;
  processedAt: number | null;
  answeredAt: number | null;
  finishedAt: number | null;
  /** When the next step is due (simulated ms); null when waiting for moderation or final. */
  nextAt: number | null;
  talkMs: number;
  ivrAt: number | null;
  ivrAnswer: number | string | null;
  blacklisted: boolean;
  transferredTo: string | null;
  smsSent: string | null;
};

/** What a new call is made of; the rest of SimCall starts empty and the lifecycle fills it in. */
export type SimCallInit = Pick<
  SimCall,
  "id" | "accountId" | "phone" | "outgoingPhone" | "recordId" | "ttsText" | "gender" | "ivrs" | "lang" | "needRecording" | "webhookUrl" | "baseUrl" | "createdAt"
> &
  Partial<SimCall>;

/** The one place a SimCall literal is built (created by the API or seeded as demo history). */
export function newSimCall(init: SimCallInit): SimCall {
  return {
    status: "created",
    reason: null,
    plannedAt: null,
    startedAt: null,
    processedAt: null,
    answeredAt: null,
    finishedAt: null,
    nextAt: null,
    talkMs: 0,
    ivrAt: null,
    ivrAnswer: null,
    blacklisted: false,
    transferredTo: null,
    smsSent: null,
    ...init,
  };
}

export type SimWebhook = { url: string; body: unknown; attempts: number; nextAt: number };

export type SimCheck = { id: number; accountId: number; phone: string; code: string; createdAt: number };

export type SimState = {
  nextId: { call: number; record: number; phone: number; check: number };
  accounts: SimAccount[];
  phones: SimPhone[];
  records: Map<number, SimRecord>;
  calls: Map<number, SimCall>;
  webhooks: SimWebhook[];
  checks: SimCheck[];
};

export function initialState(now: number): SimState {
  const state: SimState = {
    nextId: { call: 1, record: 1, phone: 1, check: 1 },
    accounts: [],
    phones: [],
    records: new Map(),
    calls: new Map(),
    webhooks: [],
    checks: [],
  };
  for (const a of CALLDOG_SIM_ACCOUNTS) {
    state.accounts.push({
      id: a.id,
      key: a.key,
      name: a.name,
      moderation: a.moderation,
      balanceKopecks: a.balanceKopecks,
      loggedAt: now - 3_600_000,
      lastPayAt: now - 12 * 86_400_000,
      languages: [...CALLDOG_LANGUAGES],
      blacklist: [],
    });
    for (const p of a.phones) {
      state.phones.push({ id: state.nextId.phone++, accountId: a.id, ...p, createdAt: now - 90 * 86_400_000 });
    }
  }
  return state;
}

export function accountByKey(state: SimState, key: string | undefined): SimAccount | undefined {
  return key ? state.accounts.find((a) => a.key === key) : undefined;
}

/** Call info as the service answers it (apiCalls/get and the status webhook body); recordPath is absolute under baseUrl. */
export function callInfo(call: SimCall, baseUrl = call.baseUrl): Record<string, unknown> {
  return {
    id: call.id,
    phone: call.phone,
    outgoingPhone: call.outgoingPhone,
    status: call.status,
    reason: call.reason,
    ivrAnswer: call.ivrAnswer,
    recordPath: hasRecording(call) ? baseUrl + CALLDOG_AUDIO_PATHS.recording(call.id) : null,
    duration: Math.round(call.talkMs / 1000),
    transferredTo: call.transferredTo,
    smsSent: call.smsSent,
    blacklisted: call.blacklisted,
    lang: call.lang,
    createdAt: unix(call.createdAt),
    plannedAt: unix(call.plannedAt),
    startedAt: unix(call.startedAt),
    answeredAt: unix(call.answeredAt),
    finishedAt: unix(call.finishedAt),
  };
}

export function hasRecording(call: SimCall): boolean {
  return call.needRecording && call.status === "finished" && call.talkMs > 0;
}

export function recordInfo(record: SimRecord, baseUrl: string): Record<string, unknown> {
  return {
    id: record.id,
    name: record.name,
    source: record.source,
    text: record.text ?? null,
    moderated: record.moderated,
    recordPath: baseUrl + CALLDOG_AUDIO_PATHS.record(record.id, record.format),
    createdAt: unix(record.createdAt),
  };
}

export function unix(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / 1000);
}

type Snapshot = Omit<SimState, "records" | "calls"> & { records: SimRecord[]; calls: SimCall[] };

/** JSON-serialisable: uploaded audio is already base64; generated audio is rebuilt on demand. */
export function snapshotState(state: SimState): Snapshot {
  return { ...state, records: [...state.records.values()], calls: [...state.calls.values()] };
}

export function restoreState(raw: unknown): SimState {
  const s = raw as Snapshot;
  return {
    ...s,
    records: new Map(s.records.map((r) => [r.id, r])),
    calls: new Map(s.calls.map((c) => [c.id, c])),
  };
}
