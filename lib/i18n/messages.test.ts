import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ru from "@/lib/i18n/messages/ru.json";

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

describe("messages", () => {
  const enFlat = flatten(en);
  const ruFlat = flatten(ru);

  it("Russian and English have the same keys", () => {
    expect(Object.keys(ruFlat).sort()).toEqual(Object.keys(enFlat).sort());
  });

  it("no message is empty, and Russian is really Russian", () => {
    for (const [key, text] of Object.entries(ruFlat)) expect(text.trim(), key).not.toBe("");
    const cyrillic = Object.values(ruFlat).filter((t) => /[а-яё]/i.test(t)).length;
    expect(cyrillic / Object.keys(ruFlat).length).toBeGreaterThan(0.9);
  });
});
