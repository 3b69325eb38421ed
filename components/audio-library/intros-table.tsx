"use client";

import { useFormatter, useTranslations } from "next-intl";
import { AudioPlayer } from "@/components/audio/audio-player";
import { Table, Td, Th } from "@/components/ui/table";
import { DATE_TIME } from "@/lib/i18n/date-formats";

export type IntroListRow = { connectionName: string; batchId: string; audioFileId: string; fileName: string; durationSeconds: number | null; updatedAt: string };

/** The Calldron batch intros the app keeps, to be heard next to the Calldog records. */
export function IntrosTable({ rows }: { rows: IntroListRow[] }) {
  const t = useTranslations("audioLibrary");
  const format = useFormatter();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("noIntros")}</p>;
  return (
    <Table label={t("introsTitle")}>
      <thead>
        <tr>
          <Th>{t("columns.batch")}</Th>
          <Th>{t("columns.file")}</Th>
          <Th>{t("columns.duration")}</Th>
          <Th>{t("columns.when")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.connectionName}-${row.batchId}`}>
            <Td>
              <div className="font-medium text-slate-900">{t("batch", { id: row.batchId })}</div>
              <div className="text-xs text-slate-500">{row.connectionName}</div>
            </Td>
            <Td>
              <div>{row.fileName}</div>
              <AudioPlayer className="mt-2" src={`/api/audio/${row.audioFileId}`} label={t("playIntro", { batch: row.batchId })} downloadName={row.fileName} />
            </Td>
            <Td>{row.durationSeconds === null ? "—" : t("seconds", { seconds: Math.round(row.durationSeconds * 10) / 10 })}</Td>
            <Td className="whitespace-nowrap">{format.dateTime(new Date(row.updatedAt), DATE_TIME)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
