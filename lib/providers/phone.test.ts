import { describe, expect, it } from "vitest";
import { parseE164, toCalldogPhone, toCalldronPhone, toE164 } from "@/lib/providers/phone";

describe("phone normalisation", () => {
  it.each([
    ["8 (999) 777-88-55", "+79997778855"],
    ["+7 999 7778855", "+79997778855"],
    ["9997778855", "+79997778855"],
    ["79997778855", "+79997778855"],
    ["+7 (495) 123-45-67", "+74951234567"],
  ])("reads %s as %s", (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each(["", "12345", "abc", "+7 999 77"])("refuses %j", (input) => {
    expect(toE164(input)).toBeUndefined();
  });

  it("formats per provider at the edge", () => {
    expect(toCalldronPhone("+79997778855")).toBe("+79997778855");
    expect(toCalldogPhone("+79997778855")).toBe("79997778855");
  });

  it("gives exactly what the full parser gives, over many generated numbers in every usual shape", () => {
    // mulberry32 with a fixed seed, so that a failure is the same on every run.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const pick = <T>(values: T[]) => values[random(values.length)] as T;
    const prefixes = ["", "", "7", "8", "8", "+7", "+7 ", "+ 7", "+(7)", "(8)", "8-", "+8", "+", "07", "9", "+79"];
    const separators = ["", "", "", " ", " ", "-", "(", ")", "  ", " - ", ") ", " ("];
    let checked = 0;
    for (let n = 0; n < 50_000; n++) {
      const length = pick([10, 10, 10, 9, 11]);
      const first = random(3) === 0 ? String(random(10)) : "9";
      const digits = first + Array.from({ length: length - 1 }, () => String(random(10))).join("");
      let text = pick(prefixes);
      for (const digit of digits) text += (random(3) === 0 ? pick(separators) : "") + digit;
      if (random(10) === 0) text = ` ${text}${pick(["", " ", ")", "-"])}`;
      expect(toE164(text), text).toBe(parseE164(text.trim()));
      checked += 1;
    }
    expect(checked).toBe(50_000);
  });
});
