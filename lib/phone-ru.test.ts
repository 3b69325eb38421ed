import { describe, expect, it } from "vitest";
import metadata from "@/lib/phone-ru-metadata.json";
import { formatPhone } from "@/lib/phone-format";
import { formatRussianPhone, toRussianE164 } from "@/lib/phone-ru";
import { toE164 } from "@/lib/providers/phone";

describe("Russian numbers with a slice of libphonenumber's metadata", () => {
  it("reads every +7 number exactly as the full library does, valid or not", () => {
    const shapes = (d: string) => [`+7${d}`, `8${d}`, `7${d}`, d, `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`, `+7 ${d.slice(0, 3)} ${d.slice(3)}`];
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      const d = String(random() % 10_000_000_000).padStart(10, "0");
      for (const shape of shapes(d)) {
        const full = toE164(shape);
        expect(toRussianE164(shape), shape).toBe(full?.startsWith("+7") ? full : undefined);
        if (full?.startsWith("+7")) expect(formatRussianPhone(full)).toBe(formatPhone(full));
      }
    }
    expect(toRussianE164("8 (999) 777-88-55")).toBe("+79997778855");
    expect(toRussianE164("12345")).toBeUndefined();
  });

  it("takes no other country's numbers, and stays the slice the script makes", () => {
    expect(toE164("+44 20 7946 0958")).toBe("+442079460958");
    expect(toRussianE164("+44 20 7946 0958")).toBeUndefined();
    expect(Object.keys(metadata.countries).sort()).toEqual(["KZ", "RU"]);
  });
});
