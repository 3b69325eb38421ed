import { fail } from "@/lib/sim/calldog/simulator-http";
import { type SimRecord, type SimState, accountByKey, hasRecording } from "@/lib/sim/calldog/simulator-state";
import { CALLDOG_RECORDING_KEY_PARAM } from "@/lib/providers/calldog/wire";
import { makeMp3 } from "@/lib/sim/audio";
import { serveBytes } from "@/lib/sim/range";
import type { SimRequest, SimResponse } from "@/lib/sim/types";

const CACHE_LIMIT = 64;
/** Generated audio is capped so that a long demo call does not take seconds to encode. */
const MAX_GENERATED_SECONDS = 90;

/** Deterministic generated audio (TTS records, call recordings), encoded on first play and kept in a small cache. */
export class AudioCache {
  private readonly cache = new Map<string, Buffer>();

  get(key: string, make: () => Buffer): Buffer {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const bytes = make();
    this.cache.set(key, bytes);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return bytes;
  }
}

/** GET `recordings/<callId>.mp3` and `records/<recordId>.<mp3|wav>`, authorised by `?apiKey=`, with HTTP Range. */
export function serveAudio(state: SimState, cache: AudioCache, req: SimRequest): SimResponse | undefined {
  const recording = /^\/recordings\/(\d+)\.mp3$/.exec(req.path);
  const record = /^\/records\/(\d+)\.(mp3|wav)$/.exec(req.path);
  if (!recording && !record) return undefined;
  if (req.method !== "GET" && req.method !== "HEAD") return fail(405, "Метод не поддерживается");
  const account = accountByKey(state, req.query.get(CALLDOG_RECORDING_KEY_PARAM) ?? undefined);
  if (!account) return fail(401, "Неверный apiKey");
  if (recording) {
    const call = state.calls.get(Number(recording[1]));
    if (!call || call.accountId !== account.id || !hasRecording(call)) return fail(404, "Запись не найдена");
    const seconds = Math.min(MAX_GENERATED_SECONDS, Math.max(1, Math.round(call.talkMs / 1000)));
    return serveBytes(req, cache.get(`call:${call.id}`, () => makeMp3(seconds, call.id)), "audio/mpeg");
  }
  const found = state.records.get(Number(record?.[1]));
  if (!found || found.accountId !== account.id || found.format !== record?.[2]) return fail(404, "Аудиоролик не найден");
  return serveBytes(req, recordBytes(found, cache), found.format === "wav" ? "audio/wav" : "audio/mpeg");
}

export function recordBytes(record: SimRecord, cache: AudioCache): Buffer {
  if (record.upload !== undefined) return Buffer.from(record.upload, "base64");
  const seconds = Math.min(MAX_GENERATED_SECONDS, Math.max(2, Math.round((record.text?.length ?? 0) / 12)));
  return cache.get(`record:${record.id}`, () => makeMp3(seconds, record.id));
}
