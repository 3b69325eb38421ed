import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { outageText } from "@/components/tasks/outage-text";
import { TIME_SECONDS } from "@/lib/i18n/date-formats";
import { messagesFor } from "@/lib/i18n/messages";

function say(locale: "en" | "ru", outages: { at: string; ms: number; code: string }[]) {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "tasks" });
  const format = createFormatter({ locale, timeZone: "Europe/Moscow" });
  return outageText(outages, t as never, (date) => format.dateTime(date, TIME_SECONDS));
}

describe("a task's database outages in words", () => {
  const outage = { at: "2026-11-27T07:42:10.000Z", ms: 14_300, code: "57P01" };

  it("says how long the task paused, when, and that it resumed by itself, in English and Russian", () => {
    expect(say("en", [outage])).toEqual(["Paused 14 s: the database was unavailable at 10:42:10 AM; resumed by itself."]);
    expect(say("ru", [outage])).toEqual(["Пауза 14 с: база данных была недоступна в 10:42:10; работа продолжилась сама."]);
  });

  it("after several, tells the last one and how many", () => {
    const several = [outage, outage, { ...outage, ms: 125_000, at: "2026-11-27T08:05:00.000Z" }];
    expect(say("en", several)).toEqual(["Paused 2 min: the database was unavailable at 11:05:00 AM; resumed by itself.", "The database was unavailable 3 times during this task."]);
    expect(say("ru", several)[1]).toBe("За время задачи база данных была недоступна 3 раза.");
  });

  it("says nothing for a task that met none", () => {
    expect(say("en", [])).toEqual([]);
  });
});
