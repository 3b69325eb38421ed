import { describe, expect, it } from "vitest";
import { contactPatch, formValuesOf, freeSlot, isWebAddress } from "@/lib/obzvonilka/contact-form";
import { toE164 } from "@/lib/providers/phone";

const stored = {
  name: "Иванов Иван",
  email: "ivan@example.ru",
  external_code: "MSK-000001",
  address_string: null,
  phone1: "8 (916) 123-45-67",
  phone_remark1: "мобильный",
  phone2: "8 (495) 1234567 доб. 123",
  phone_remark2: null,
};

describe("contactPatch: edit", () => {
  it("sends nothing when nothing changed, however the stored phones are written", () => {
    expect(contactPatch(stored, formValuesOf(stored), toE164)).toEqual({ input: {}, errors: {} });
  });

  it("sends only the changed field", () => {
    const values = { ...formValuesOf(stored), address_string: " г. Москва, ул. Ленина, 1 " };
    expect(contactPatch(stored, values, toE164).input).toEqual({ address_string: "г. Москва, ул. Ленина, 1" });
  });

  it("sends an emptied field as '' so that the API clears it", () => {
    const values = { ...formValuesOf(stored), email: "" };
    expect(contactPatch(stored, values, toE164).input).toEqual({ email: "" });
  });

  it("normalises an edited phone to E.164 and leaves one that only changed its spelling unsent", () => {
    const values = formValuesOf(stored);
    values.phones[0] = { slot: 1, phone: "+7 916 1234567", remark: "мобильный" };
    values.phones[1] = { slot: 2, phone: "8 903 000 11 22", remark: "" };
    expect(contactPatch(stored, values, toE164).input).toEqual({ phone2: "+79030001122" });
  });

  it("clears only the slot of a removed phone row, remark included", () => {
    const values = formValuesOf(stored);
    values.phones = values.phones.filter((r) => r.slot !== 1);
    expect(contactPatch(stored, values, toE164).input).toEqual({ phone1: "", phone_remark1: "" });
  });

  it("refuses an emptied name when no phone is left", () => {
    const values = { ...formValuesOf(stored), name: "", phones: [] };
    expect(contactPatch(stored, values, toE164).errors).toEqual({ _: "nameOrPhone" });
  });
});

describe("contactPatch: validation", () => {
  it("refuses a bad e-mail, a bad site and a bad phone in place", () => {
    const values = { ...formValuesOf({}), name: "Новый", email: "ivan@", www: "not a site" };
    values.phones = [{ slot: 1, phone: "12", remark: "" }];
    expect(contactPatch({}, values, toE164).errors).toEqual({ email: "emailInvalid", www: "urlInvalid", phone1: "phoneInvalid" });
  });

  it("asks for a phone next to a remark", () => {
    const values = { ...formValuesOf({}), name: "Новый", phones: [{ slot: 1 as const, phone: "", remark: "рабочий" }] };
    expect(contactPatch({}, values, toE164).errors).toEqual({ phone1: "phoneForRemark" });
  });
});

describe("contactPatch: create", () => {
  it("sends the filled fields and the phones of each row's slot", () => {
    const values = { ...formValuesOf({}), name: "Петрова Анна", email: "anna@example.ru", www: "anna.ru" };
    values.phones = [
      { slot: 1, phone: "8 916 111 22 33", remark: "мобильный" },
      { slot: 2, phone: "+7 (495) 765-43-21", remark: "" },
    ];
    expect(contactPatch({}, values, toE164)).toEqual({
      input: { name: "Петрова Анна", email: "anna@example.ru", www: "anna.ru", phone1: "+79161112233", phone_remark1: "мобильный", phone2: "+74957654321" },
      errors: {},
    });
  });

  it("needs a name or a phone", () => {
    expect(contactPatch({}, formValuesOf({}), toE164).errors).toEqual({ _: "nameOrPhone" });
  });
});

describe("helpers", () => {
  it("finds the first free phone slot", () => {
    expect(freeSlot([{ slot: 1, phone: "", remark: "" }, { slot: 3, phone: "", remark: "" }])).toBe(2);
  });

  it("takes sites with or without a scheme, only http(s)", () => {
    expect(isWebAddress("example.ru")).toBe(true);
    expect(isWebAddress("https://пример.рф/путь")).toBe(true);
    expect(isWebAddress("javascript:alert(1)")).toBe(false);
    expect(isWebAddress("localhost")).toBe(false);
  });
});
