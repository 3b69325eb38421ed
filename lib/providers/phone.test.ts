import { describe, expect, it } from "vitest";
import { toCalldogPhone, toCalldronPhone, toE164 } from "@/lib/providers/phone";

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
});
