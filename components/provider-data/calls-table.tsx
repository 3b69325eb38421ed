import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPhone } from "@/lib/phone-format";
import type { CalldronCall } from "@/lib/providers/calldron/wire";

const STATUS_TONE: Record<string, "green" | "amber" | "red" | "gray"> = {
  answered: "green",
  talking: "amber",
  dialing: "amber",
  busy: "red",
  no_answer: "red",
  failed: "red",
};

export async function CalldronCallsTable({ calls }: { calls: CalldronCall[] }) {
  const t = await getTranslations("callsPage");
  const format = await getFormatter();
  if (calls.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const word = (group: "statuses" | "results", value: string) => (t.has(`${group}.${value}` as never) ? t(`${group}.${value}` as never) : value);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "—");
  const time = (date: Date | null) => (date ? format.dateTime(date, { timeStyle: "medium" }) : "—");
  return (
    <Table label={t("title")}>
      <thead>
        <tr>
          <Th>{t("phone")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("result")}</Th>
          <Th className="text-right">{t("duration")}</Th>
          <Th>{t("dialedAt")}</Th>
          <Th>{t("endedAt")}</Th>
          <Th>{t("final")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {calls.map((c) => (
          <tr key={c.id} data-testid="call-row">
            <Td className="whitespace-nowrap font-mono text-xs">{formatPhone(c.phone)}</Td>
            <Td>
              <Badge tone={STATUS_TONE[c.status] ?? "gray"}>{word("statuses", c.status)}</Badge>
            </Td>
            <Td>{c.result ? word("results", c.result) : "—"}</Td>
            <Td className="text-right tabular-nums">{t("seconds", { seconds: format.number(c.durationSeconds, { maximumFractionDigits: 1 }) })}</Td>
            <Td className="whitespace-nowrap">{when(c.dialedAt)}</Td>
            <Td className="whitespace-nowrap">{time(c.endedAt)}</Td>
            <Td>{c.final ? t("yes") : t("no")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
