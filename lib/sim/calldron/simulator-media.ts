import type { SimBatch, SimCall } from "@/lib/sim/calldron/simulator-state";
import { makeMp3 } from "@/lib/sim/audio";

const MAX_CACHED = 64;
const DEMO_INTRO_SECONDS = 6;

/** Recordings and demo intros are made on first play (seeding stays fast) and kept in a small cache. */
export class MediaCache {
  private readonly cache = new Map<string, Buffer>();

  recording(call: SimCall): Buffer {
    return this.get(`call:${call.id}`, () => makeMp3(Math.max(1, call.talkSeconds), call.id));
  }

  intro(batch: SimBatch): Buffer | undefined {
    const intro = batch.intro;
    if (!intro) return undefined;
    if (intro.base64 !== null) return Buffer.from(intro.base64, "base64");
    return this.get(`intro:${batch.id}`, () => makeMp3(DEMO_INTRO_SECONDS, intro.seed));
  }

  clear(): void {
    this.cache.clear();
  }

  private get(key: string, make: () => Buffer): Buffer {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const made = make();
    this.cache.set(key, made);
    if (this.cache.size > MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return made;
  }
}
