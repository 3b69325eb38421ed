import { describe, expect, it } from "vitest";
import { ivrWebhookParameters, parseCalldogEvent } from "@/lib/webhooks/calldog-event";

describe("Calldog webhook events", () => {
  it("names a status event by call and status", () => {
    const event = parseCalldogEvent({ id: 42, phone: "79991112233", status: "answered", answeredAt: 1_764_000_000 });
    expect(event).toMatchObject({ kind: "status", dedupeKey: "status:42:answered", rawStatus: "answered" });
    // An unknown status is still an event (kept, not applied): its key keeps the raw word.
    expect(parseCalldogEvent({ id: 42, phone: "79991112233", status: "ringing_back" })).toMatchObject({ dedupeKey: "status:42:ringing_back" });
  });

  it("names an IVR event by its content, whatever the order of its keys, and reads the app's markers", () => {
    const campaignId = "7f0c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f";
    const params = ivrWebhookParameters({ campaignId, actions: ["block"], extra: { reason: "opt-out" } });
    const a = parseCalldogEvent({ call: { phone: "79991112233", answer: "2" }, ...params });
    const b = parseCalldogEvent({ ...params, call: { answer: "2", phone: "79991112233" } });
    expect(a).toMatchObject({ kind: "ivr", phone: "+79991112233", answer: "2", campaignId, actions: ["webhook", "block"] });
    expect(a?.dedupeKey).toBe(b?.dedupeKey);
    const other = parseCalldogEvent({ call: { phone: "79991112233", answer: "2" }, ...ivrWebhookParameters({ campaignId: "8f0c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f", actions: ["block"] }) });
    expect(other?.dedupeKey).not.toBe(a?.dedupeKey);
    // Without the app's markers (a webhook set up by hand) the answer is still taken.
    expect(parseCalldogEvent({ call: { phone: 79991112233, answer: -1 } })).toMatchObject({ kind: "ivr", answer: "-1", actions: ["webhook"] });
  });

  it("refuses anything else", () => {
    for (const body of [null, [], "x", {}, { id: 1 }, { status: "finished" }, { call: {} }, { call: { phone: "x", answer: 1 } }]) {
      expect(parseCalldogEvent(body), JSON.stringify(body)).toBeUndefined();
    }
  });
});
