import { describe, expect, it } from "vitest";
import { formatPhone } from "@/lib/phone-format";

describe("phone display", () => {
  it("groups a Russian number for reading", () => {
    expect(formatPhone("+79997778855")).toBe("+7 999 777 88 55");
  });
  it("shows what it cannot parse as it came, and a dash for nothing", () => {
    expect(formatPhone("доб. 12")).toBe("доб. 12");
    expect(formatPhone(null)).toBe("—");
  });
});
