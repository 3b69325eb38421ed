import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { PhoneVerificationRow } from "@/lib/db/queries/phone-verifications";
import { DATE_TIME_SECONDS } from "@/lib/i18n/date-formats";
import { formatPhone } from "@/lib/phone-format";

const TONES = { sent: "green", held_back: "amber", unknown: "amber", failed: "red" } as const;

export async function VerificationHistory({ rows }: { rows: PhoneVerificationRow[] }) {
  const t = await getTranslations("calldogVerify");
  const format = await getFormatter();
  if (rows.length === 0) return <p className="text-sm text-slate-600" data-testid="verification-history-empty">{t("historyEmpty")}</p>;
  const outcome = (o: string) => (t.has(`outcomes.${o}` as never) ? t(`outcomes.${o}` as never) : o);
  return (
    <Table label={t("history")}>
      <thead>
        <tr>
          <Th>{t("when")}</Th>
          <Th>{t("phone")}</Th>
          <Th>{t("code")}</Th>
          <Th>{t("outcome")}</Th>
          <Th>{t("connection")}</Th>
          <Th>{t("who")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">{format.dateTime(r.createdAt, DATE_TIME_SECONDS)}</Td>
            <Td className="whitespace-nowrap font-mono">{formatPhone(r.phone)}</Td>
            <Td className="font-mono">{r.code ?? "—"}</Td>
            <Td>
              <Badge tone={TONES[r.outcome as keyof typeof TONES] ?? "gray"}>{outcome(r.outcome)}</Badge>
            </Td>
            <Td>{r.connectionName ?? "—"}</Td>
            <Td>{r.requestedByEmail ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
