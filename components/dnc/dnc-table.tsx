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
              <Th>{t("list.added")}</Th>
              {canRemove && <Th className="text-right">{t("list.actions")}</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} data-testid="dnc-row">
                <Td className="whitespace-nowrap font-mono">{row.phone}</Td>
                <Td className="min-w-40 max-w-96 break-words">{row.reason || "—"}</Td>
                {/* Who and when in one column, so that the reason keeps its room on a laptop screen. */}
                <Td>
                  <span className="block whitespace-nowrap">
                    {row.addedBy ?? <span className="text-slate-500">{t("list.system")}</span>}
                    {row.source !== "manual" && (
                      <span className="ml-2">
                        <Badge>{row.source}</Badge>
                      </span>
                    )}
                  </span>
                  <span className="block whitespace-nowrap text-xs text-slate-500">{row.addedAt}</span>
                </Td>
                {canRemove && (
                  <Td>
                    {/* In a div, not on the cell: the dialog inside would inherit right-aligned text. */}
                    <div className="flex justify-end">
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
                    </div>
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
