import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPhone } from "@/lib/phone-format";
import type { CalldogPhone } from "@/lib/providers/calldog/schema";

export async function OutgoingPhonesTable({ phones, all }: { phones: CalldogPhone[]; all: boolean }) {
  const t = await getTranslations("calldogAccount");
  if (phones.length === 0) return <p className="text-sm text-slate-600">{all ? t("noPhones") : t("noConfirmedPhones")}</p>;
  return (
    <Table label={t("phones")}>
      <thead>
        <tr>
          <Th>{t("phone")}</Th>
          <Th>{t("confirmed")}</Th>
          <Th>{t("duty")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {phones.map((p) => (
          <tr key={p.id}>
            <Td className="whitespace-nowrap font-mono">{formatPhone(p.phone)}</Td>
            <Td>{p.confirmed ? <Badge tone="green">{t("confirmedYes")}</Badge> : <Badge tone="amber">{t("confirmedNo")}</Badge>}</Td>
            <Td>{p.duty ? t("dutyYes") : t("dutyNo")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
