import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TIME_PATTERN, TimeField } from "@/components/ui/field";
import { WINDOW_TIME_PATTERN } from "@/lib/dialing/calling-window";

describe("TimeField", () => {
  it("is a text input with a 24-hour HH:MM pattern, not the browser's locale-drawn time input", () => {
    const html = renderToStaticMarkup(createElement(TimeField, { label: "С", name: "from", defaultValue: "14:30" }));
    expect(html).toContain('type="text"');
    expect(html).toContain('value="14:30"');
    expect(html).toContain(`pattern="${TIME_PATTERN}"`);
  });
  it("takes in the browser exactly what the server takes", () => {
    const browser = new RegExp(`^(?:${TIME_PATTERN})$`, "v");
    for (const value of ["00:00", "09:00", "19:30", "23:59", "24:00", "9:00", "09:60", "09:00 AM", "0900", ""]) {
      expect(browser.test(value), value).toBe(WINDOW_TIME_PATTERN.test(value));
    }
  });
  it("is what every form uses for a time of day: no <input type=time> is left", () => {
    const sources = fs.readdirSync("components", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
    const timeInputs = sources.filter((f) => fs.readFileSync(path.join("components", f), "utf8").includes('type="time"'));
    expect(timeInputs).toEqual([]);
  });
});
