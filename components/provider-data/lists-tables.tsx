import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Base } from "@/lib/providers/obzvonilka/schema";

export async function ObzvonilkaBasesTable({ bases }: { bases: Base[] }) {
  const t = await getTranslations("listsPage");
  if (bases.length === 0) return <p className="text-sm text-slate-600">{t("emptyBases")}</p>;
  return (
    <Table label={t("obzvonilkaBases")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("remark")}</Th>
          <Th>{t("state")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {bases.map((b) => (
          <tr key={b.id}>
            <Td className="font-medium">{b.name}</Td>
            <Td className="text-slate-600">{b.remark || "—"}</Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                {b.deleted ? <Badge tone="red">{t("deleted")}</Badge> : <Badge tone="green">{t("active")}</Badge>}
                {b.select_from_last && <Badge tone="indigo">{t("newestFirst")}</Badge>}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
