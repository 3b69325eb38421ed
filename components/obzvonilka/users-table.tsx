import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { User } from "@/lib/providers/obzvonilka/schema";

/** The organisation's users as the API shows them (read-only: the API changes nothing about them). */
export async function ObzvonilkaUsersTable({ users }: { users: User[] }) {
  const t = await getTranslations("obzvonilka.users");
  if (users.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="empty-state">
        {t("empty")}
      </p>
    );
  }
  return (
    <Table label={t("title")}>
      <thead>
        <tr>
          <Th>{t("id")}</Th>
          <Th>{t("name")}</Th>
          <Th>{t("email")}</Th>
          <Th>{t("account")}</Th>
          <Th>{t("role")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {users.map((u) => (
          <tr key={u.id}>
            <Td className="text-slate-500">{u.id}</Td>
            <Td className="font-medium">{u.name || "—"}</Td>
            <Td>{u.email || "—"}</Td>
            <Td>{u.account_enabled ? <Badge tone="green">{t("enabled")}</Badge> : <Badge tone="red">{t("disabled")}</Badge>}</Td>
            <Td>{u.admin ? <Badge tone="indigo">{t("admin")}</Badge> : t("member")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
