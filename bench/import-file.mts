// The import benchmarks' file: a generated Windows-1251 CSV (2 % invalid, 5 % repeats) and its task items as the
// import action makes them (bench:import, bench:load).
import { ImportPlanner } from "@/lib/imports/plan";
import { tableRows } from "@/lib/imports/read-table";
import { encode1251 } from "@/lib/imports/test-files";

export const MAPPING = { phone: [1], name: 0 };

export function generate(rows: number): Uint8Array {
  const lines = ["ФИО;Телефон;Город"];
  for (let i = 0; i < rows; i++) {
    const n = i % 20 === 13 ? i - 1 : i; // 5 % repeat the row before
    const d = String(n).padStart(7, "0");
    const phone = i % 50 === 7 ? "12-34-5" : `8 (900) ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
    lines.push(`Абонент ${i};${phone};Москва`);
  }
  return encode1251(lines.join("\r\n"));
}

/** The file's task items a batch at a time, as the import action makes them. */
export function plannedItems(file: Uint8Array) {
  const planner = new ImportPlanner({ header: true, mapping: MAPPING, perPhone: true, listed: 50 });
  const { batches } = tableRows("csv", file);
  async function* items() {
    for await (const rows of batches) yield planner.add(rows);
  }
  return { planner, items: items() };
}
