import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { contactColumns } from "@/components/obzvonilka/contacts-table";
import { searchable } from "@/lib/obzvonilka/contact-search";

type Cell = (context: { row: { original: unknown } }) => ReactNode;

function cellsOf(row: { name: string; email: string; code: string; phones: string[] }): Record<string, string> {
  const [original] = searchable([{ id: 1, ...row }]);
  const columns = contactColumns("c", 1, (key) => key, new Intl.Collator("en"));
  return Object.fromEntries(
    columns.slice(1).map((c) => [c.id ?? (c as { accessorKey: string }).accessorKey, renderToStaticMarkup((c.cell as Cell)({ row: { original } }))]),
  );
}

describe("contacts table cells", () => {
  it("shows an empty e-mail, code and phone list as the same em dash, in the table's own font", () => {
    const cells = cellsOf({ name: "A", email: "", code: "", phones: [] });
    expect(cells.email).toBe("—");
    expect(cells.code).toBe("—");
    expect(cells.phones).toBe('<span title="">—</span>');
  });
  it("shows a code in monospace", () => {
    expect(cellsOf({ name: "A", email: "a@x.test", code: "K-1", phones: ["+79001234567"] }).code).toBe('<span class="font-mono text-xs">K-1</span>');
  });
});
