"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { WideTable } from "@/components/campaigns/wide-table";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { Td, Th } from "@/components/ui/table";
import { deleteCalldronBatch } from "@/lib/actions/calldron-batches";
import { findCalldronTimeZone, utcOffsetLabel } from "@/lib/providers/calldron/time-zones";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";

const STATUS_TONE = { fresh: "gray", running: "amber", finished: "green" } as const;

export function batchHref(connectionId: string, batchId: string): string {
  return `/campaigns/calldron/${connectionId}/${encodeURIComponent(batchId)}`;
}

/** One Calldron account's batches: the name opens the batch; edit and delete (asked first) on each row. */
export function BatchesTable({ batches, connection }: { batches: CalldronBatch[]; connection: { id: string; name: string } }) {
  const t = useTranslations("campaignsPage");
  const locale = useLocale();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();

  const known = (group: "types" | "statuses", value: string | null) =>
    value && t.has(`${group}.${value}` as never) ? t(`${group}.${value}` as never) : (value ?? "—");

  return (
    <div className="space-y-3">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {batches.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="batches-empty">
          {t("empty")}
        </p>
      ) : (
        <WideTable label={`${t("calldronBatches")} · ${connection.name}`} hint={t("scrollHint")}>
          <thead>
            <tr>
              <Th className="sticky left-0 z-10 border-r border-slate-100 bg-white">{t("name")}</Th>
              <Th>{t("type")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("window")}</Th>
              <Th className="text-right">{t("attempts")}</Th>
              <Th className="text-right">{t("actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {batches.map((b) => (
              <tr key={b.id} data-testid="batch-row">
                <Td className="sticky left-0 z-10 max-w-72 border-r border-slate-100 bg-white">
                  <Link href={batchHref(connection.id, b.id)} className="block font-medium text-indigo-700 underline-offset-2 hover:underline">
                    {b.name}
                  </Link>
                  {b.description && <span className="block max-w-64 truncate text-xs text-slate-500">{b.description}</span>}
                </Td>
                <Td className="whitespace-nowrap" title={b.type && t.has(`typeHelp.${b.type}` as never) ? t(`typeHelp.${b.type}` as never) : undefined}>
                  {known("types", b.type)}
                </Td>
                <Td>
                  <Badge tone={STATUS_TONE[b.status as keyof typeof STATUS_TONE] ?? "gray"}>{known("statuses", b.status)}</Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="block">{b.timeFrom && b.timeTo && b.timeFrom !== b.timeTo ? `${b.timeFrom}–${b.timeTo}` : t("anyTime")}</span>
                  {b.timeZone && <span className="block text-xs text-slate-500">{zoneName(b.timeZone, locale)}</span>}
                </Td>
                <Td className="text-right tabular-nums">{b.attempts ?? "—"}</Td>
                <Td>
                  <div className="flex justify-end gap-2">
                    <Link
                      href={`${batchHref(connection.id, b.id)}/edit`}
                      className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
                    >
                      {t("edit")}
                    </Link>
                    <ConfirmButton
                      variant="danger"
                      label={t("delete")}
                      title={t("confirmDeleteTitle")}
                      message={t("confirmDelete", { name: b.name, connection: connection.name })}
                      confirmLabel={t("delete")}
                      cancelLabel={t("cancel")}
                      onConfirm={async () => {
                        const result = await deleteCalldronBatch({ connectionId: connection.id, batchId: b.id });
                        if (result.ok) {
                          setMessage({ tone: "success", text: t("deleted", { name: b.name }) });
                          router.refresh();
                        } else setMessage({ tone: "error", text: result.error });
                      }}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </WideTable>
      )}
    </div>
  );
}

/** "Москва, UTC+3" / "Moscow, UTC+3"; a zone the app does not know is shown as the service named it. */
function zoneName(railsName: string, locale: string): string {
  const zone = findCalldronTimeZone(railsName);
  return zone ? `${locale === "ru" ? zone.ru : zone.rails}, ${utcOffsetLabel(zone.offsetHours)}` : railsName;
}
