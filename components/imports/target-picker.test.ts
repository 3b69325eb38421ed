import { describe, expect, it } from "vitest";
import { targetFrom } from "@/components/imports/target-picker";
import { importTargetSchema, providerTargetTitle } from "@/lib/imports/target";

const connectionId = "7d6f2a8e-1b1c-4c55-9f43-2d0b6f1e8a10";
const choices = {
  calldron: [{ connectionId, connectionName: "Calldron", id: "L-7", name: "Клиенты" }],
  obzvonilka: [{ connectionId, connectionName: "Obzvonilka", id: "1", name: "Должники" }],
  app: [],
};

describe("an import's title", () => {
  it("names the Obzvonilka base picked, not its id", () => {
    const target = importTargetSchema.parse(targetFrom({ kind: "obzvonilka", choice: `${connectionId}|1` }, choices));
    if (target.kind !== "obzvonilka") throw new Error(target.kind);
    expect(providerTargetTitle(target, "Obzvonilka")).toBe("Obzvonilka: Должники");
  });
  it("names the Calldron list picked", () => {
    const target = importTargetSchema.parse(targetFrom({ kind: "calldron", choice: `${connectionId}|L-7` }, choices));
    if (target.kind !== "calldron") throw new Error(target.kind);
    expect(providerTargetTitle(target, "Calldron")).toBe("Calldron: Клиенты");
  });
  it("falls back on the id when a name did not come (a target sent before names were)", () => {
    const target = importTargetSchema.parse({ kind: "obzvonilka", connectionId, baseId: 3 });
    if (target.kind !== "obzvonilka") throw new Error(target.kind);
    expect(providerTargetTitle(target, "Obzvonilka")).toBe("Obzvonilka: #3");
  });
});
