import { describe, expect, it } from "vitest";
import {
  emptyHandler,
  type IvrHandler,
  type IvrMenu,
  menuIsValid,
  nextFreeDigit,
  toCalldogIvrs,
  validateMenu,
  webhookParametersJson,
} from "@/lib/calldog/ivr-menu";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { describeMenu } from "@/lib/calldog/ivr-menu-summary";
import { showRussianPhone, toRussianE164 } from "@/lib/phone-ru";
import { toCreateCallsBody } from "@/lib/providers/calldog/wire";

const handler = (digit: IvrHandler["digit"], patch: Partial<IvrHandler> = {}): IvrHandler => ({ ...emptyHandler(digit), ...patch });

/** The issue's menu: 1 → transfer, 2 → blacklist + SMS, 3 → webhook with parameters, no key → stay on the line. */
const issueMenu: IvrMenu = {
  handlers: [
    handler("1", { transfer: { phone: "8 (916) 123-45-67" } }),
    handler("2", { blacklist: true, sms: { text: "Вы отписаны от звонков." } }),
    handler("3", {
      webhook: {
        url: "https://crm.example.com/hook",
        parameters: [
          { key: "campaign", value: "spring" },
          { key: "source", value: "ivr" },
        ],
      },
    }),
    handler(""),
  ],
};

const codes = (menu: IvrMenu) => validateMenu(menu, toRussianE164).map((problems) => problems.map((p) => p.code));

describe("IVR menu validation", () => {
  it("accepts the issue's menu, and the stored JSON round-trips through the schema", () => {
    expect(codes(issueMenu)).toEqual([[], [], [], []]);
    expect(ivrMenuSchema.parse(JSON.parse(JSON.stringify(issueMenu)))).toEqual(issueMenu);
  });

  it("allows each digit once: the second use is flagged with the first one's position", () => {
    const problems = validateMenu({ handlers: [handler("1", { blacklist: true }), handler("2", { blacklist: true }), handler("1", { blacklist: true })] }, toRussianE164);
    expect(problems[0]).toEqual([]);
    expect(problems[2]).toEqual([{ field: "digit", code: "digitTwice", values: { position: 1 } }]);
  });

  it("the no-key handler may be used once too", () => {
    expect(codes({ handlers: [handler(""), handler("")] })).toEqual([[], ["digitTwice"]]);
  });

  it("refuses an SMS of 71 characters and accepts 70 (counted as characters, Cyrillic included)", () => {
    const seventy = "Я".repeat(70);
    expect(codes({ handlers: [handler("1", { sms: { text: seventy } })] })).toEqual([[]]);
    const problems = validateMenu({ handlers: [handler("1", { sms: { text: `${seventy}!` } })] }, toRussianE164);
    expect(problems[0]).toEqual([{ field: "sms", code: "smsTooLong", values: { max: 70, length: 71 } }]);
  });

  it("flags a digit without actions, but not the no-key handler (it means: stay on the line)", () => {
    expect(codes({ handlers: [handler("4"), handler("")] })).toEqual([["noAction"], []]);
  });

  it("flags chosen actions left empty or invalid", () => {
    const menu: IvrMenu = {
      handlers: [
        handler("1", { play: { recordId: "abc" } }),
        handler("2", { transfer: { phone: "12345" } }),
        handler("3", { sms: { text: "   " } }),
        handler("4", { webhook: { url: "ftp://x.example", parameters: [{ key: "", value: "v" }] } }),
        handler("5", { keyWords: { text: " , " } }),
      ],
    };
    expect(codes(menu)).toEqual([["recordIdInvalid"], ["phoneInvalid"], ["smsEmpty"], ["webhookUrlInvalid", "parameterKeyEmpty"], ["keyWordsEmpty"]]);
  });

  it("flags conflicts: transfer with blacklist, a key word in two handlers, key words on the no-key handler, a parameter twice", () => {
    const menu: IvrMenu = {
      handlers: [
        handler("1", { transfer: { phone: "+79161234567" }, blacklist: true }),
        handler("2", { keyWords: { text: "да, конечно" } }),
        handler("3", { keyWords: { text: "нет ДА" } }),
        handler("", { keyWords: { text: "алло" } }),
        handler("4", { webhook: { url: "https://x.example/h", parameters: [{ key: "a", value: "1" }, { key: "a", value: "2" }] } }),
      ],
    };
    const problems = validateMenu(menu, toRussianE164);
    expect(problems.map((p) => p.map((x) => x.code))).toEqual([["transferAndBlacklist"], [], ["keyWordTwice"], ["keyWordsOnNoKey"], ["parameterKeyTwice"]]);
    expect(problems[2]?.[0]?.values).toEqual({ word: "да", digit: "2" });
    expect(menuIsValid(problems)).toBe(false);
  });

  it("offers the next free digit, then no key, then nothing", () => {
    expect(nextFreeDigit({ handlers: [handler("1"), handler("3")] })).toBe("2");
    const all = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] as const;
    expect(nextFreeDigit({ handlers: all.map((d) => handler(d)) })).toBe("");
    expect(nextFreeDigit({ handlers: [...all.map((d) => handler(d)), handler("")] })).toBeUndefined();
  });
});

describe("webhook parameters", () => {
  it("the key/value rows become the JSON object string Calldog expects, blank keys left out, keys trimmed", () => {
    const json = webhookParametersJson([
      { key: " user_parameter1 ", value: "value1" },
      { key: "user_parameter2", value: "значение 2" },
      { key: "", value: "ignored" },
    ]);
    expect(json).toBe('{"user_parameter1":"value1","user_parameter2":"значение 2"}');
    expect(JSON.parse(json)).toEqual({ user_parameter1: "value1", user_parameter2: "значение 2" });
  });
});

describe("conversion to Calldog's create input", () => {
  it("turns the issue's menu into the client's ivrs, and into the documented wire fields", () => {
    const ivrs = toCalldogIvrs(issueMenu, toRussianE164);
    expect(ivrs).toEqual([
      { digit: 1, managerPhone: "+79161234567" },
      { digit: 2, needBlock: true, smsText: "Вы отписаны от звонков." },
      { digit: 3, webhookUrl: "https://crm.example.com/hook", webhookParameters: { campaign: "spring", source: "ivr" } },
      {},
    ]);
    const body = toCreateCallsBody({ phones: ["+79990001122"], record: { id: 7 }, ivrs });
    expect(JSON.parse(JSON.stringify(body.ivrs))).toEqual([
      { digit: 1, needBlock: 0, managerPhone: "79161234567" },
      { digit: 2, needBlock: 1, smsText: "Вы отписаны от звонков." },
      { digit: 3, needBlock: 0, webhookUrl: "https://crm.example.com/hook", webhookParameters: '{"campaign":"spring","source":"ivr"}' },
      { needBlock: 0 },
    ]);
  });

  it("orders handlers 1…9, 0, no key and carries records and key words", () => {
    const ivrs = toCalldogIvrs({
      handlers: [handler(""), handler("0", { play: { recordId: " 1342 " } }), handler("5", { keyWords: { text: "Да, да конечно" } })],
    }, toRussianE164);
    expect(ivrs).toEqual([{ digit: 5, keyWords: ["да", "конечно"] }, { digit: 0, recordId: 1342 }, {}]);
  });

  it("refuses to convert a menu with problems", () => {
    expect(() => toCalldogIvrs({ handlers: [handler("1", { sms: { text: "x".repeat(71) } })] }, toRussianE164)).toThrow(/problems/);
  });
});

describe("menu summary", () => {
  const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;

  it("describes each key in order with its actions, and no key as staying on the line", () => {
    const lines = describeMenu(issueMenu, t, showRussianPhone);
    expect(lines.map((l) => l.label)).toEqual(['keyLabel{"digit":"1"}', 'keyLabel{"digit":"2"}', 'keyLabel{"digit":"3"}', "noKey"]);
    expect(lines[0]?.actions).toEqual(['summary.transfer{"phone":"+7 916 123 45 67"}']);
    expect(lines[1]?.actions).toEqual(['summary.sms{"text":"Вы отписаны от звонков."}', "summary.blacklist"]);
    expect(lines[2]?.actions[0]).toContain('{\\"campaign\\":\\"spring\\",\\"source\\":\\"ivr\\"}');
    expect(lines[3]?.actions).toEqual(["summary.stay"]);
  });

  it("names a record when the registry knows it", () => {
    const lines = describeMenu({ handlers: [handler("1", { play: { recordId: "12" } })] }, t, showRussianPhone, (id) => (id === "12" ? "Приветствие" : undefined));
    expect(lines[0]?.actions).toEqual(['summary.playNamed{"name":"Приветствие","id":"12"}']);
  });
});
