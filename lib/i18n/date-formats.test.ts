import fs from "node:fs";
import path from "node:path";
import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { DATE, DATE_TIME, DATE_TIME_SECONDS, TIME_SECONDS } from "@/lib/i18n/date-formats";

const root = path.resolve(import.meta.dirname, "../..");
// 15:04:05 in Moscow, on a day whose number could be read as a month: 11/28/26 must never be written.
const moment = new Date("2026-11-28T12:04:05.000Z");
const en = createFormatter({ locale: "en", timeZone: "Europe/Moscow" });
const ru = createFormatter({ locale: "ru", timeZone: "Europe/Moscow" });
// ICU puts a narrow no-break space before AM/PM on some versions and a plain one on others.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("the app's date forms", () => {
  it("write the month in words, in English and Russian", () => {
    expect(plain(en.dateTime(moment, DATE_TIME))).toBe("Nov 28, 2026, 3:04 PM");
    expect(plain(ru.dateTime(moment, DATE_TIME))).toBe("28 нояб. 2026 г., 15:04");
    expect(plain(en.dateTime(moment, DATE))).toBe("Nov 28, 2026");
    expect(plain(ru.dateTime(moment, DATE))).toBe("28 нояб. 2026 г.");
  });

  it("keep the seconds for calls and times alone", () => {
    expect(plain(en.dateTime(moment, DATE_TIME_SECONDS))).toBe("Nov 28, 2026, 3:04:05 PM");
    expect(plain(ru.dateTime(moment, DATE_TIME_SECONDS))).toBe("28 нояб. 2026 г., 15:04:05");
    expect(plain(en.dateTime(moment, TIME_SECONDS))).toBe("3:04:05 PM");
  });

  it("take a zone of their own when spread", () => {
    expect(plain(en.dateTime(moment, { ...DATE_TIME, timeZone: "Asia/Vladivostok" }))).toBe("Nov 28, 2026, 10:04 PM");
  });
});

/**
 * Every date the UI shows goes through these forms: a page that passes its own `dateStyle` or `timeStyle` (once
 * several wrote `dateStyle: "short"`, 11/28/26) fails here. Options with other fields (a chart's "Nov 28" axis,
 * the zone arithmetic in lib/) are not date styles and are not held to it.
 */
describe("date styles outside lib/i18n/date-formats.ts", () => {
  const files = ["app", "components", "lib"].flatMap((dir) => sources(path.join(root, dir)));
  const own = path.join(root, "lib/i18n/date-formats.ts");

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it("are none: pages and components use the shared forms", () => {
    const offenders = files
      .filter((file) => file !== own && file !== import.meta.filename)
      .flatMap((file) =>
        fs
          .readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (/\b(dateStyle|timeStyle)\s*:/.test(line) ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
