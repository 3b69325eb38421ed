import type { CalldronBatchType, CalldronCallStatus, CalldronConfirmation } from "@/lib/providers/calldron/wire";

/** The simulator's whole state: plain JSON, so snapshot() is a copy and restore() a parse. */
export type SimState = {
  /** Ids are global across accounts, as in one database: another account's id exists but answers 404. */
  nextId: { batch: number; list: number; subscriber: number; call: number };
  accounts: Record<string, AccountData>;
  demoSeeded: boolean;
};

export type AccountData = {
  batches: SimBatch[];
  lists: SimList[];
  subscribers: SimSubscriber[];
  calls: SimCall[];
};

export type SimIntro = {
  filename: string;
  kind: "mp3" | "wav";
  /** The uploaded file; null for demo intros, which are generated on first play from `seed`. */
  base64: string | null;
  seed: number;
};

export type SimBatch = {
  id: number;
  name: string;
  description: string;
  timeZone: string;
  /** `HH:MM` in timeZone, or null: no window. */
  timeFrom: string | null;
  timeTo: string | null;
  attempts: number;
  callDelay: number;
  callback: string;
  from: string;
  type: CalldronBatchType;
  confirmation: CalldronConfirmation;
  timeoutBeforeIntroCallback: number;
  intro: SimIntro | null;
  createdAt: number;
};

export type SimList = { id: number; name: string; createdAt: number };
export type SimSubscriber = { id: number; listId: number; phone: string };

export type SimCall = {
  id: number;
  batchId: number;
  phone: string;
  status: CalldronCallStatus;
  result: "confirmed" | "not_confirmed" | null;
  final: boolean;
  attempt: number;
  /** When the next lifecycle step is due (simulated epoch ms). */
  nextAt: number;
  dialedAt: number | null;
  endedAt: number | null;
  talkSeconds: number;
  createdAt: number;
};

export function emptyState(accountNames: string[]): SimState {
  return {
    nextId: { batch: 1, list: 1, subscriber: 1, call: 1 },
    accounts: Object.fromEntries(accountNames.map((name) => [name, emptyAccount()])),
    demoSeeded: false,
  };
}

export function emptyAccount(): AccountData {
  return { batches: [], lists: [], subscribers: [], calls: [] };
}

export function takeId(state: SimState, kind: keyof SimState["nextId"]): number {
  const id = state.nextId[kind];
  state.nextId[kind] = id + 1;
  return id;
}

export function isSimState(value: unknown): value is SimState {
  const v = value as Partial<SimState> | null;
  return !!v && typeof v === "object" && !!v.nextId && !!v.accounts && typeof v.accounts === "object";
}
