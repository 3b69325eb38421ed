import { describe, expect, it } from "vitest";
import { createBatchOnce } from "@/lib/campaigns/create-batch-once";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";
import { ProviderError } from "@/lib/providers/provider-error";

function batch(id: string, name: string): CalldronBatch {
  return { id, name, description: "", status: "fresh", type: "batch", confirmation: "timeout", attempts: 1, callDelaySeconds: 60, callback: null, from: null, timeZone: "Moscow", timeFrom: null, timeTo: null, timeoutBeforeIntroCallback: null, introFilename: null, introUrl: null };
}

const lost = (kind: "unavailable" | "bad_response" | "rate_limited" | "validation") =>
  new ProviderError({ kind, provider: "calldron", method: "POST", path: "batches", cause: kind === "unavailable" ? "timeout" : undefined });

/** A fake account: `create` adds the batch, then (optionally) throws as if its answer had been lost. */
function account(existing: CalldronBatch[], onCreate: "ok" | "lostAfterCreate" | "lostBeforeCreate" | "refused", listFailsAfterCreate = false) {
  const batches = [...existing];
  let creates = 0;
  let created = false;
  return {
    creates: () => creates,
    client: {
      async listBatches() {
        if (created && listFailsAfterCreate) throw lost("unavailable");
        return [...batches];
      },
      async createBatch(input: { name: string }) {
        creates++;
        created = true;
        if (onCreate === "refused") throw lost("rate_limited");
        if (onCreate === "lostBeforeCreate") throw lost("unavailable");
        const id = String(100 + batches.length);
        batches.push(batch(id, input.name));
        if (onCreate === "lostAfterCreate") throw lost("bad_response");
        return { id };
      },
    },
  };
}

describe("createBatchOnce", () => {
  it("creates once and answers the id", async () => {
    const a = account([batch("1", "Old")], "ok");
    expect(await createBatchOnce(a.client, { name: "New" })).toEqual({ ok: true, id: "101", recovered: false });
    expect(a.creates()).toBe(1);
  });

  it("refuses a name the account already has, without creating", async () => {
    const a = account([batch("1", "Same")], "ok");
    expect(await createBatchOnce(a.client, { name: "Same" })).toEqual({ ok: false, reason: "nameTaken" });
    expect(a.creates()).toBe(0);
  });

  it("finds the batch by name when the answer was lost after the service created it, and never creates again", async () => {
    const a = account([batch("1", "Old")], "lostAfterCreate");
    expect(await createBatchOnce(a.client, { name: "New" })).toEqual({ ok: true, id: "101", recovered: true });
    expect(a.creates()).toBe(1);
  });

  it("says 'not created' when the look-up finds nothing, and 'unknown' when the look-up fails", async () => {
    const a = account([], "lostBeforeCreate");
    expect(await createBatchOnce(a.client, { name: "New" })).toEqual({ ok: false, reason: "notCreated" });
    expect(a.creates()).toBe(1);
    const b = account([], "lostAfterCreate", true);
    expect(await createBatchOnce(b.client, { name: "New" })).toEqual({ ok: false, reason: "unknown" });
    expect(b.creates()).toBe(1);
  });

  it("passes a refusal (429, 4xx) on: the service says it did nothing", async () => {
    const a = account([], "refused");
    await expect(createBatchOnce(a.client, { name: "New" })).rejects.toMatchObject({ kind: "rate_limited" });
  });
});
