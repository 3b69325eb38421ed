import { describe, expect, it } from "vitest";
import { filterRows, searchable } from "@/lib/obzvonilka/contact-search";

const rows = searchable([
  { id: 1, name: "Иванов Иван", phones: ["8 (916) 123-45-67"], email: "ivan@mail.ru", code: "MSK-000001" },
  { id: 2, name: "Петрова Анна", phones: ["+7 903 000 11 22", "8 (495) 1234567 доб. 123"], email: "", code: "DEBT-000002" },
]);
const ids = (q: string) => filterRows(rows, q).map((r) => r.id);

describe("filterRows", () => {
  it("matches name, e-mail and external code without regard to case", () => {
    expect(ids("иванов")).toEqual([1]);
    expect(ids("MAIL.RU")).toEqual([1]);
    expect(ids("debt-")).toEqual([2]);
  });

  it("matches a phone in any spelling by its digits", () => {
    expect(ids("+7 916 123")).toEqual([1]);
    expect(ids("89030001122")).toEqual([2]);
    expect(ids("1234567")).toEqual([1, 2]);
  });

  it("shows everything for an empty query and nothing for a miss", () => {
    expect(ids(" ")).toEqual([1, 2]);
    expect(ids("сидоров")).toEqual([]);
  });
});
