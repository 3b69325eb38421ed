import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { pickNamespaces } from "@/lib/i18n/pick-namespaces";

describe("a language's messages, once per process", () => {
  it("are merged once per language: the same object for every request of it, another for the other language", () => {
    expect(messagesFor("en")).toBe(messagesFor("en"));
    expect(messagesFor("ru")).toBe(messagesFor("ru"));
    expect(messagesFor("en")).not.toBe(messagesFor("ru"));
    expect(messagesFor("ru").nav).not.toEqual(messagesFor("en").nav);
    expect(Object.isFrozen(messagesFor("en"))).toBe(true);
  });

  it("give client components only the namespaces asked for (that exist), picked once per language and list", () => {
    const en = messagesFor("en");
    const nav = pickNamespaces(en, ["nav", "locale", "noSuchNamespace"]);
    expect(Object.keys(nav)).toEqual(["nav", "locale"]);
    expect(nav.nav).toBe(en.nav);
    expect(pickNamespaces(en, ["nav", "locale", "noSuchNamespace"])).toBe(nav);
    expect(pickNamespaces(en, ["nav"])).not.toBe(nav);
    const ruNav = pickNamespaces(messagesFor("ru"), ["nav", "locale", "noSuchNamespace"]);
    expect(ruNav).not.toBe(nav);
    expect(ruNav.nav).toBe(messagesFor("ru").nav);
  });
});
