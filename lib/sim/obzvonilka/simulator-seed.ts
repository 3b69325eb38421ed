import { PHONE_SLOTS } from "@/lib/providers/obzvonilka/schema";
import { emptyContact, type SimContact } from "@/lib/sim/obzvonilka/simulator-contact";
import {
  CITIES,
  DESCRIPTIONS,
  FEMALE_NAMES,
  MAIL_DOMAINS,
  MALE_NAMES,
  PATRONYMICS,
  PHONE_REMARKS,
  STREETS,
  SURNAMES,
  translit,
} from "@/lib/sim/obzvonilka/simulator-names";
import { Rng } from "@/lib/sim/rng";

export type SimBase = {
  id: number;
  name: string;
  remark: string | null;
  deleted: boolean;
  select_from_last: boolean;
  auto_open_window_params: string | null;
  parser_name: string | null;
  parser_settings: string | null;
  use_predictive_call: boolean;
};
export type SimUser = { id: number; account_enabled: boolean; email: string; name: string; admin: boolean };
export type SimOrg = { account: string; bases: { base: SimBase; contacts: SimContact[] }[]; users: SimUser[] };
export type SimState = { version: 1; nextContactId: number; orgs: SimOrg[] };

type BasePlan = { name: string; remark: string | null; deleted?: boolean; codePrefix: string; demoCount: number; smallCount: number };
type OrgPlan = { account: string; domain: string; bases: BasePlan[]; users: [name: string, enabled: boolean, admin: boolean][] };

const ORG_PLANS: OrgPlan[] = [
  {
    account: "demo",
    domain: "romashka-crm.ru",
    bases: [
      { name: "Клиенты Москва 2026", remark: "Основная база, выгрузка из 1С", codePrefix: "MSK-", demoCount: 1600, smallCount: 3 },
      { name: "Должники: повторный обзвон", remark: "Просрочка более 30 дней", codePrefix: "DEBT-", demoCount: 900, smallCount: 2 },
      { name: "Вебинар ноябрь: регистрации", remark: null, codePrefix: "WEB-", demoCount: 450, smallCount: 2 },
      { name: "Старая база 2024", remark: "В корзине", deleted: true, codePrefix: "OLD-", demoCount: 300, smallCount: 1 },
    ],
    users: [
      ["Соколова Марина Викторовна", true, true],
      ["Лапшина Ирина Дмитриевна", true, false],
      ["Кузнецов Алексей Петрович", true, false],
      ["Орлова Светлана Игоревна", true, false],
      ["Зайцев Денис Олегович", false, false],
      ["Миронова Екатерина Андреевна", false, false],
      ["Гусев Павел Сергеевич", true, false],
    ],
  },
  {
    account: "second",
    domain: "vasiliev-trade.ru",
    bases: [{ name: "Партнёры", remark: "Оптовые покупатели", codePrefix: "P-", demoCount: 5, smallCount: 5 }],
    users: [
      ["Васильев Олег Николаевич", true, true],
      ["Белова Анна Сергеевна", true, false],
    ],
  },
];

/** The initial state: fixed ids, the same on every start; `demoData` fills the demo organisation's bases. */
export function seedState(demoData: boolean): SimState {
  const rng = new Rng(20261123);
  let baseId = 0;
  let userId = 0;
  let contactId = 0;
  const orgs = ORG_PLANS.map((plan): SimOrg => ({
    account: plan.account,
    bases: plan.bases.map((b) => {
      const count = demoData ? b.demoCount : b.smallCount;
      return {
        base: {
          id: ++baseId,
          name: b.name,
          remark: b.remark,
          deleted: b.deleted ?? false,
          select_from_last: baseId % 2 === 0,
          auto_open_window_params: null,
          parser_name: "csv",
          parser_settings: '{"encoding":"windows-1251","separator":";"}',
          use_predictive_call: false,
        },
        contacts: Array.from({ length: count }, (_, i) => fakeContact(rng, ++contactId, `${b.codePrefix}${String(i + 1).padStart(6, "0")}`)),
      };
    }),
    users: plan.users.map(([name, enabled, admin]) => ({
      id: ++userId,
      account_enabled: enabled,
      email: userEmail(name, plan.domain),
      name,
      admin,
    })),
  }));
  return { version: 1, nextContactId: contactId + 1, orgs };
}

export const BULK_BASE_NAME = "Нагрузочная база (тест)";

/** Creates (or refills) the demo organisation's load-test base with `count` contacts; answers its id and size. */
export function seedBulkBase(state: SimState, count: number): { id: number; contacts: number } {
  const org = state.orgs.find((o) => o.account === "demo");
  if (!org) throw new Error("the demo organisation is missing");
  let entry = org.bases.find((b) => b.base.name === BULK_BASE_NAME);
  if (!entry) {
    const id = Math.max(0, ...state.orgs.flatMap((o) => o.bases.map((b) => b.base.id))) + 1;
    entry = {
      base: { id, name: BULK_BASE_NAME, remark: null, deleted: false, select_from_last: false, auto_open_window_params: null, parser_name: null, parser_settings: null, use_predictive_call: false },
      contacts: [],
    };
    org.bases.push(entry);
  }
  const rng = new Rng(count);
  entry.contacts = Array.from({ length: count }, (_, i) => fakeContact(rng, state.nextContactId++, `BULK-${String(i + 1).padStart(6, "0")}`));
  return { id: entry.base.id, contacts: count };
}

function fakeContact(rng: Rng, id: number, code: string): SimContact {
  const female = rng.chance(0.5);
  const surname = rng.pick(SURNAMES);
  const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const patronymic = rng.pick(PATRONYMICS)[female ? 1 : 0];
  const city = rng.pick(CITIES);
  const contact = emptyContact(id);
  const family = `${surname}${female ? "а" : ""}`;
  contact.name = `${family} ${first} ${patronymic}`;
  contact.address_string = `г. ${city.name}, ${rng.pick(STREETS)}, д. ${rng.int(1, 120)}${rng.chance(0.7) ? `, кв. ${rng.int(1, 300)}` : ""}`;
  if (rng.chance(0.7)) contact.email = `${translit(first)}.${translit(family)}${rng.int(1, 99)}@${rng.pick(MAIL_DOMAINS)}`;
  if (rng.chance(0.85)) contact.external_code = code;
  if (rng.chance(0.2)) contact.description = rng.pick(DESCRIPTIONS);
  if (rng.chance(0.05)) contact.www = `https://${translit(surname)}-${rng.int(1, 999)}.ru`;
  for (const slot of PHONE_SLOTS.slice(0, rng.int(1, 3))) {
    contact[`phone${slot}`] = slot === 1 || rng.chance(0.6) ? mobile(rng) : landline(rng, city.code);
    if (rng.chance(0.4)) contact[`phone_remark${slot}`] = rng.pick(PHONE_REMARKS);
  }
  return contact;
}

const MOBILE_PREFIXES = ["90", "91", "92", "93", "96", "98"] as const;

/** A Russian mobile number written the many ways people type them. */
function mobile(rng: Rng): string {
  const d = `${rng.pick(MOBILE_PREFIXES)}${rng.int(0, 9)}${rng.int(0, 9_999_999).toString().padStart(7, "0")}`;
  const [a, b, c, e] = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8, 10)];
  return rng.pick([
    `+7 (${a}) ${b}-${c}-${e}`,
    `8 ${a} ${b} ${c} ${e}`,
    `8${d}`,
    `+7${d}`,
    d,
    `8-${a}-${b}-${c}-${e}`,
    `+7 ${a} ${b}${c}${e}`,
  ]);
}

function landline(rng: Rng, code: string): string {
  const local = rng.int(0, 10 ** (10 - code.length) - 1).toString().padStart(10 - code.length, "0");
  const ext = rng.chance(0.3) ? ` доб. ${rng.int(100, 999)}` : "";
  return `8 (${code}) ${local}${ext}`;
}

function userEmail(fullName: string, domain: string): string {
  const [surname = "", first = ""] = fullName.split(" ");
  return `${translit(first).slice(0, 1)}.${translit(surname)}@${domain}`;
}
