import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditCount, auditLabelKey } from "@/lib/audit-label";
import { messagesFor } from "@/lib/i18n/messages";

/** Every audit action written anywhere in the code, read from the source (`action: "…"` next to recordAudit). */
function actionsInCode(): string[] {
  const found = new Set<string>(["task.paused", "task.resumed", "task.canceled", "user.disabled", "user.enabled"]);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) {
        const source = fs.readFileSync(full, "utf8");
        if (!source.includes("recordAudit")) continue;
        for (const m of source.matchAll(/action: "([a-zA-Z_.]+)"/g)) found.add(m[1] as string);
      }
    }
  };
  for (const dir of ["lib", "app"]) walk(path.resolve(dir));
  return [...found].sort();
}

describe("audit log labels", () => {
  it("every action the code records has a label in both languages", () => {
    for (const locale of ["en", "ru"] as const) {
      const labels = (messagesFor(locale).audit as { actions: Record<string, string> }).actions;
      const missing = actionsInCode().filter((a) => !labels[auditLabelKey(a)]);
      expect(missing, locale).toEqual([]);
    }
  });

  it("an entry's count of numbers is read from its details, for a column of its own", () => {
    expect(auditCount({ count: 1600, taskId: "t" })).toBe(1600);
    expect(auditCount({ count: 0 })).toBe(0);
    expect(auditCount({ role: "manager" })).toBeNull();
    expect(auditCount({ count: "12" })).toBeNull();
  });
});
