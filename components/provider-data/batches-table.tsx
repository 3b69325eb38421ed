import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPhone } from "@/lib/phone-format";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";

const STATUS_TONE = { fresh: "gray", running: "amber", finished: "green" } as const;

export async function BatchesTable({ batches, connectionId }: { batches: CalldronBatch[]; connectionId: string }) {
  const t = await getTranslations("campaignsPage");
  if (batches.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const known = (group: "types" | "statuses", value: string | null) =>
    value && t.has(`${group}.${value}` as never) ? t(`${group}.${value}` as never) : (value ?? "—");
  const delay = (seconds: number | null) =>
    seconds === null ? "—" : seconds < 60 || seconds % 60 !== 0 ? t("delaySeconds", { n: seconds }) : t("delayMinutes", { n: seconds / 60 });
  return (
    <Table label={t("calldronBatches")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("type")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("attempts")}</Th>
          <Th>{t("delay")}</Th>
          <Th>{t("callerId")}</Th>
          <Th>{t("window")}</Th>
          <Th />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {batches.map((b) => (
          <tr key={b.id}>
            <Td>
              <span className="block font-medium">{b.name}</span>
              {b.description && <span className="block max-w-60 truncate text-xs text-slate-500">{b.description}</span>}
            </Td>
            <Td title={b.type && t.has(`typeHelp.${b.type}` as never) ? t(`typeHelp.${b.type}` as never) : undefined}>{known("types", b.type)}</Td>
            <Td>
              <Badge tone={STATUS_TONE[b.status as keyof typeof STATUS_TONE] ?? "gray"}>{known("statuses", b.status)}</Badge>
            </Td>
            <Td>{b.attempts ?? "—"}</Td>
            <Td className="whitespace-nowrap">{delay(b.callDelaySeconds)}</Td>
            <Td className="whitespace-nowrap">{b.from ? formatPhone(b.from) : "—"}</Td>
            <Td className="whitespace-nowrap">{b.timeFrom && b.timeTo ? `${b.timeFrom}–${b.timeTo}` : "—"}</Td>
            <Td>
              <Link href={`/calls?batch=${connectionId}:${b.id}`} className="whitespace-nowrap text-indigo-700 underline">
                {t("openCalls")}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
