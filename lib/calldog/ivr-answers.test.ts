import { describe, expect, it } from "vitest";
import { groupIvrAnswers, handlerForAnswer } from "@/lib/calldog/ivr-answers";
import { emptyHandler, type IvrMenu } from "@/lib/calldog/ivr-menu";

const menu: IvrMenu = {
  handlers: [
    { ...emptyHandler(""), sms: null },
    { ...emptyHandler("2"), blacklist: true, sms: { text: "Вы отписаны" } },
    { ...emptyHandler("1"), transfer: { phone: "+74950000000" }, keyWords: { text: "да, оператор" } },
    { ...emptyHandler("3"), webhook: { url: "https://example.com/hook", parameters: [{ key: "source", value: "ivr" }] } },
  ],
};

describe("groupIvrAnswers", () => {
  it("lists every key of the menu in the callee's order, with its digit, key-word and stay-on-the-line answers added up", () => {
    const groups = groupIvrAnswers(menu, { "1": 4, "да": 2, "-1": 5, "2": 3 });
    expect(groups.map((g) => (g.kind === "handler" ? [g.handler.digit, g.count, g.answers] : g))).toEqual([
      ["1", 6, ["1", "да"]],
      ["2", 3, ["2"]],
      ["3", 0, []],
      ["", 5, ["-1"]],
    ]);
  });

  it("keeps answers the menu has no handler for, each on its own, after the menu", () => {
    const groups = groupIvrAnswers(menu, { "7": 1, "нет": 2, "2": 1 });
    expect(groups.slice(4)).toEqual([
      { kind: "unmatched", answer: "7", count: 1 },
      { kind: "unmatched", answer: "нет", count: 2 },
    ]);
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(4);
  });

  it("without a menu, every answer is unmatched; without answers, the menu shows zeros", () => {
    expect(groupIvrAnswers(undefined, { "-1": 2 })).toEqual([{ kind: "unmatched", answer: "-1", count: 2 }]);
    expect(groupIvrAnswers(menu, {}).every((g) => g.count === 0)).toBe(true);
  });

  it("finds a key word's handler whatever its case; staying on the line belongs to the no-key handler only", () => {
    expect(handlerForAnswer(menu, "Оператор")?.digit).toBe("1");
    expect(handlerForAnswer(menu, "-1")?.digit).toBe("");
    expect(handlerForAnswer({ handlers: [emptyHandler("1")] }, "-1")).toBeUndefined();
  });
});
