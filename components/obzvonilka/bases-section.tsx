import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BaseBadges } from "@/components/obzvonilka/base-badges";
import { Table, Td, Th } from "@/components/ui/table";
import type { Base } from "@/lib/providers/obzvonilka/schema";

/** One Obzvonilka connection's contact bases, each opening its page, and the way to the organisation's users. */
export async function ObzvonilkaBasesSection({ connectionId, bases }: { connectionId: string; bases: Base[] }) {
  const t = await getTranslations("obzvonilka.bases");
  return (
    <div className="space-y-3">
      {bases.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="empty-state">
          {t("empty")}
        </p>
      ) : (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("remark")}</Th>
              <Th>{t("state")}</Th>
              <Th>{t("selectFromLast")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {bases.map((b) => (
              <tr key={b.id}>
                <Td className="font-medium">
                  <Link href={`/lists/obzvonilka/${connectionId}/${b.id}`} className="text-indigo-700 hover:underline">
                    {b.name || t("unnamed", { id: b.id })}
                  </Link>
                </Td>
                <Td className="text-slate-600">{b.remark || "—"}</Td>
                <Td>
                  <BaseBadges base={b} />
                </Td>
                <Td>{b.select_from_last ? t("yes") : t("no")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Link href={`/lists/obzvonilka/${connectionId}/users`} className="inline-block text-sm text-indigo-700 underline">
        {t("usersLink")}
      </Link>
    </div>
  );
}
