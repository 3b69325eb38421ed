import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messageFiles, messagesFor } from "@/lib/i18n/messages";

const en = messagesFor("en");
const ru = messagesFor("ru");

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

  it("every namespace lives in one file, the same file in both languages", () => {
    for (const locale of ["en", "ru"] as const) {
      const seen = new Map<string, string>();
      for (const [file, namespaces] of Object.entries(messageFiles[locale])) {
        for (const ns of Object.keys(namespaces)) {
          expect(seen.get(ns), `${locale}: ${ns} in ${file} and ${seen.get(ns)}`).toBeUndefined();
          seen.set(ns, file);
        }
      }
      for (const [file, namespaces] of Object.entries(messageFiles.en)) {
        expect(Object.keys(messageFiles.ru[file] ?? {}).sort(), file).toEqual(Object.keys(namespaces).sort());
      }
    }
  });

  it("no message is empty, and Russian is really Russian", () => {
    for (const [key, text] of Object.entries(ruFlat)) expect(text.trim(), key).not.toBe("");
    const cyrillic = Object.values(ruFlat).filter((t) => /[а-яё]/i.test(t)).length;
    expect(cyrillic / Object.keys(ruFlat).length).toBeGreaterThan(0.9);
  });

  it("a Calldron batch has one name in Russian: «пачка», as on the Campaigns page (never «рассылка»), and its intro is «приветствие»", () => {
    const other = Object.entries(ruFlat).filter(([, text]) => /рассылк|вступлени/i.test(text));
    expect(other.map(([key]) => key)).toEqual([]);
  });

  it("a task's count of repeated numbers names no source: one label serves a paste, a file import and a list run", () => {
    expect(enFlat["tasks.outcomes.duplicate"]).not.toMatch(/paste|file|list/i);
    expect(ruFlat["tasks.outcomes.duplicate"]).not.toMatch(/встав|файл|спис/i);
  });

  it("counts of a task's progress and of calls are written as numbers are elsewhere (1,601, 1 601)", () => {
    const say = (locale: "en" | "ru") => createTranslator({ locale, messages: messagesFor(locale) }) as unknown as (key: string, values: Record<string, number>) => string;
    expect(say("en")("tasks.progressOf", { processed: 1601, total: 1601 })).toBe("1,601 of 1,601 done");
    expect(say("ru")("tasks.progressOf", { processed: 1601, total: 1601 }).replace(/\s/g, " ")).toBe("Готово 1 601 из 1 601");
    expect(say("en")("runList.taskProgress.count", { processed: 1200, total: 1200 })).toBe("1,200 of 1,200");
    expect(say("en")("callsPage.counts", { matching: 1199, total: 1199 })).toBe("1,199 calls of 1,199");
    expect(say("en")("overviewResults.runningProgress", { finished: 1000, total: 1600, answered: 1000 })).toBe("1,000 of 1,600 calls finished · 1,000 answered");
  });
});
