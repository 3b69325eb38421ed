import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeleteListButton } from "@/components/lists/delete-list-button";
import { Table, Td, Th } from "@/components/ui/table";
import type { CalldronList } from "@/lib/providers/calldron/wire";

export async function CalldronListsTable({ connectionId, lists }: { connectionId: string; lists: CalldronList[] }) {
  const t = await getTranslations("listsPage");
  if (lists.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <Table label={t("calldronLists")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("id")}</Th>
          <Th className="text-right">
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {lists.map((l) => (
          <tr key={l.id} data-testid={`list-row-${l.name}`}>
            <Td className="font-medium">
              <Link href={`/lists/calldron/${connectionId}/${l.id}`} className="text-indigo-700 underline-offset-2 hover:underline">
                {l.name}
              </Link>
            </Td>
            <Td className="font-mono text-xs text-slate-500">{l.id}</Td>
            <Td className="text-right">
              <DeleteListButton connectionId={connectionId} listId={l.id} name={l.name} quiet />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
