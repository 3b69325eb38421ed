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

  it("gives libphonenumber's answer for every shape of Russian number, valid or not, fast path or not", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const shapes = [
      (d: string) => `+7${d}`,
      (d: string) => `8${d}`,
      (d: string) => `7${d}`,
      (d: string) => d,
      (d: string) => `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
      (d: string) => ` +7 ${d.slice(0, 3)} ${d.slice(3)} `,
      (d: string) => `+7(${d.slice(0, 3)})${d.slice(3)}`,
      (d: string) => `7.${d.slice(0, 3)}.${d.slice(3)}`,
      (d: string) => `+8${d}`,
      (d: string) => `+7 ${d} доб. 12`,
      (d: string) => `8-${d}0`,
      (d: string) => `+38${d}`,
    ];
    let fast = 0;
    for (let i = 0; i < 30_000; i++) {
      // Every first digit, and lengths around ten.
      const length = 8 + (i % 5);
      const digits = String(i % 10) + Array.from({ length: length - 1 }, () => Math.floor(random() * 10)).join("");
      const text = (shapes[i % shapes.length] as (d: string) => string)(digits);
      const expected = parseE164(text);
      expect(toE164(text), text).toBe(expected);
      if (expected && length === 10) fast += 1;
    }
    expect(fast).toBeGreaterThan(2_000);
  });
});
