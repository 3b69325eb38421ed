import { describe, expect, it } from "vitest";
import { calldogReceiverUrl } from "@/lib/webhooks/url";

const TOKEN = "t".repeat(43);

describe("webhookUrl", () => {
  it("is the app's public address plus the receiver path and the token", () => {
    expect(calldogReceiverUrl(TOKEN, "https://prozvon.example.ru")).toBe(`https://prozvon.example.ru/api/webhooks/calldog/${TOKEN}`);
    expect(calldogReceiverUrl(TOKEN, "http://127.0.0.1:3000/")).toBe(`http://127.0.0.1:3000/api/webhooks/calldog/${TOKEN}`);
  });

  it("is undefined without a public address, or when Calldog could not take it (over 255 characters)", () => {
    expect(calldogReceiverUrl(TOKEN, undefined)).toBeUndefined();
    expect(calldogReceiverUrl(TOKEN, `https://${"a".repeat(200)}.example`)).toBeUndefined();
  });
});
