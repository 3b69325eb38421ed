"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { removeDncNumber } from "@/lib/actions/dnc";
import type { ActionResult } from "@/lib/actions/safe-action";

export type DncRow = { id: string; phone: string; reason: string; addedBy: string | null; source: string; addedAt: string };

type Outcome = { removed: string } | { failed: ActionResult<unknown> };

/** The list's rows (kept mounted when the last one goes, so the notice stays); the remove button is there for admins only (the action refuses anyone else too). */
export function DncTable({ rows, canRemove, emptyText }: { rows: DncRow[]; canRemove: boolean; emptyText: string }) {
  const t = useTranslations("dnc");
  const messages = useActionMessages();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>();

  return (
    <>
      {outcome && (
        <Notice tone={"removed" in outcome ? "success" : "error"} className="mb-4">
          {"removed" in outcome ? t("remove.done", { phone: outcome.removed }) : messages(outcome.failed).error}
        </Notice>
      )}
      {rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-600" data-testid="dnc-empty">
          {emptyText}
        </p>
      ) : (
      <Table label={t("list.title")}>
        <thead>
          <tr>
            <Th>{t("list.phone")}</Th>
            <Th>{t("list.reason")}</Th>
            <Th>{t("list.addedBy")}</Th>
            <Th>{t("list.addedAt")}</Th>
            {canRemove && <Th className="text-right">{t("list.actions")}</Th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="dnc-row">
              <Td className="whitespace-nowrap font-mono">{row.phone}</Td>
              <Td className="max-w-96 break-words">{row.reason || "—"}</Td>
              <Td>
                {row.addedBy ?? <span className="text-slate-400">{t("list.system")}</span>}
                {row.source !== "manual" && (
                  <span className="ml-2">
                    <Badge>{row.source}</Badge>
                  </span>
                )}
              </Td>
              <Td className="whitespace-nowrap">{row.addedAt}</Td>
              {canRemove && (
                <Td className="text-right">
                  <ConfirmButton
                    variant="danger"
                    label={t("remove.button")}
                    title={t("remove.title")}
                    message={t("remove.confirm", { phone: row.phone })}
                    confirmLabel={t("remove.submit")}
                    cancelLabel={t("remove.cancel")}
                    onConfirm={async () => {
                      const result = await removeDncNumber({ id: row.id });
                      setOutcome(result.ok ? { removed: result.data.phone } : { failed: result });
                      router.refresh();
                    }}
                  />
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      )}
    </>
  );
}
