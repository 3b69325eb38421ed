"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { RecordOutcomeNotice } from "@/components/audio-library/record-outcome";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { type RecordOutcome, removeCalldogRecord } from "@/lib/actions/calldog-records";
import { DATE_TIME } from "@/lib/i18n/date-formats";

export type RecordListRow = {
  id: string;
  recordId: string;
  name: string;
  source: "file" | "text" | "existing";
  audioFileId: string | null;
  durationSeconds: number | null;
  moderation: string;
  createdByName: string | null;
  createdAt: string;
};

const MODERATION_TONES: Record<string, "green" | "amber" | "gray"> = { approved: "green", pending: "amber" };

/** One connection's records in the registry, playable where the app keeps the file, each deletable with a confirmation. */
export function RecordsTable({ rows, caption }: { rows: RecordListRow[]; caption: string }) {
  const t = useTranslations("audioLibrary");
  const format = useFormatter();
  const router = useRouter();
  const messages = useActionMessages();
  const [outcome, setOutcome] = useState<RecordOutcome>();
  const [error, setError] = useState<string>();

  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("noRecords")}</p>;

  const remove = async (row: RecordListRow) => {
    setError(undefined);
    setOutcome(undefined);
    const answer = await removeCalldogRecord({ id: row.id });
    if (!answer.ok) return setError(messages(answer).error);
    setOutcome(answer.data);
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {error && <Notice tone="error">{error}</Notice>}
        {outcome && <RecordOutcomeNotice outcome={outcome} kind="delete" />}
      </div>
      <Table label={caption}>
        <thead>
          <tr>
            <Th>{t("columns.name")}</Th>
            <Th>{t("columns.source")}</Th>
            <Th>{t("columns.duration")}</Th>
            <Th>{t("columns.moderation")}</Th>
            <Th>{t("columns.who")}</Th>
            <Th>{t("columns.when")}</Th>
            <Th>
              <span className="sr-only">{t("columns.actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <Td>
                <div className="font-medium text-slate-900">{row.name}</div>
                <div className="text-xs text-slate-500">{t("idLabel", { id: row.recordId })}</div>
                {row.audioFileId && (
                  // ?name=: a download is saved under the record's name, not the name the file was uploaded under.
                  <AudioPlayer className="mt-2" src={`/api/audio/${row.audioFileId}?name=${encodeURIComponent(row.name)}`} label={t("playRecord", { name: row.name })} />
                )}
              </Td>
              <Td>{t(`sources.${row.source}`)}</Td>
              <Td>{row.durationSeconds === null ? "—" : t("seconds", { seconds: Math.round(row.durationSeconds * 10) / 10 })}</Td>
              <Td>
                <Badge tone={MODERATION_TONES[row.moderation] ?? "gray"}>{t(`moderation.${row.moderation in MODERATION_TONES ? row.moderation : "unknown"}`)}</Badge>
              </Td>
              <Td>{row.createdByName ?? "—"}</Td>
              <Td className="whitespace-nowrap">{format.dateTime(new Date(row.createdAt), DATE_TIME)}</Td>
              <Td>
                <ConfirmButton
                  label={t("delete")}
                  title={t("deleteTitle")}
                  message={t("deleteBody", { name: row.name, id: row.recordId })}
                  confirmLabel={t("deleteConfirm")}
                  cancelLabel={t("cancel")}
                  variant="ghost"
                  confirmVariant="danger"
                  onConfirm={() => remove(row)}
                />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
