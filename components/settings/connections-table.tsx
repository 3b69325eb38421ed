"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConnectionForm, type ConnectionRow } from "@/components/settings/connection-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { WebhookReceiverButton } from "@/components/settings/webhook-receiver";
import { removeConnection, testConnection } from "@/lib/actions/connections";
import type { ActionResult } from "@/lib/actions/safe-action";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import { PROVIDER_LABELS } from "@/lib/providers/catalog";

export function ConnectionsTable({ connections }: { connections: ConnectionRow[] }) {
  const t = useTranslations("connections");
  const tCalldog = useTranslations("calldogAccount");
  const router = useRouter();
  const [editing, setEditing] = useState<ConnectionRow | "new">();
  const messages = useActionMessages();
  // What happened, not its text: the notice is translated at render, so it follows a language switch.
  const [outcome, setOutcome] = useState<"saved" | "deleted" | ActionResult<unknown>>();
  const message =
    outcome === undefined
      ? undefined
      : typeof outcome === "string"
        ? { tone: "success" as const, text: t(outcome) }
        : { tone: "error" as const, text: messages(outcome).error ?? "" };

  const done = (what: "saved" | "deleted") => {
    setEditing(undefined);
    setOutcome(what);
    router.refresh();
  };

  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <div className="min-h-6 flex-1">{message && <Notice tone={message.tone}>{message.text}</Notice>}</div>
        <Button onClick={() => setEditing("new")}>{t("add")}</Button>
      </div>
      {connections.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-600" data-testid="connections-empty">
          {t("empty")}
        </p>
      ) : (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th className="hidden 2xl:table-cell">{t("baseUrl")}</Th>
              <Th>{t("key")}</Th>
              <Th>{t("lastTest")}</Th>
              <Th className="text-right">{t("actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {connections.map((c) => (
              <tr key={c.id} data-testid={`connection-row-${c.name}`}>
                <Td>
                  <span className="block font-medium">{c.name}</span>
                  <span className="block text-xs text-slate-500">{PROVIDER_LABELS[c.provider]}</span>
                </Td>
                <Td className="hidden max-w-64 truncate font-mono text-xs 2xl:table-cell" title={c.baseUrl}>
                  {c.baseUrl}
                </Td>
                <Td className="font-mono text-xs">…{c.apiKeyLast4}</Td>
                <Td>
                  <TestCell connection={c} onTested={() => router.refresh()} />
                </Td>
                <Td>
                  <div className="ml-auto flex max-w-72 flex-wrap justify-end gap-2">
                    {c.provider === "calldog" && (
                      <Link
                        href={`/settings/connections/${c.id}/calldog`}
                        className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
                      >
                        {tCalldog("linkFromConnections")}
                      </Link>
                    )}
                    {c.provider === "calldog" && <WebhookReceiverButton connection={c} />}
                    <Button size="sm" variant="secondary" onClick={() => setEditing(c)}>
                      {t("edit")}
                    </Button>
                    <ConfirmButton
                      variant="danger"
                      label={t("delete")}
                      title={t("delete")}
                      message={t("confirmDelete", { name: c.name })}
                      confirmLabel={t("delete")}
                      cancelLabel={t("cancel")}
                      onConfirm={async () => {
                        const result = await removeConnection({ id: c.id });
                        if (result.ok) done("deleted");
                        else setOutcome(result);
                      }}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Dialog open={editing !== undefined} onClose={() => setEditing(undefined)} title={editing === "new" ? t("addTitle") : t("editTitle")}>
        {editing !== undefined && (
          <ConnectionForm
            existing={editing === "new" ? undefined : editing}
            onDone={() => done("saved")}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </Dialog>
    </>
  );
}

type Tested = Extract<Awaited<ReturnType<typeof testConnection>>, { ok: true }>["data"];

function TestCell({ connection, onTested }: { connection: ConnectionRow; onTested: () => void }) {
  const t = useTranslations("connections");
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [tested, setTested] = useState<Tested>();
  const [error, setError] = useState<string>();
  const run = () =>
    startTransition(async () => {
      setError(undefined);
      setTested(undefined);
      const answer = await testConnection({ id: connection.id });
      if (!answer.ok) return setError(answer.error);
      setTested(answer.data);
      onTested();
    });
  const result = tested?.result ?? connection.lastTestResult;
  const at = tested?.testedAt ?? connection.lastTestAt;
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" variant="secondary" disabled={pending} onClick={run}>
        {pending ? t("testing") : t("test")}
      </Button>
      <span data-testid="test-result" aria-live="polite">
        {error ? (
          <Badge tone="red">{error}</Badge>
        ) : result ? (
          <span className="flex flex-col">
            <Badge tone={result === "ok" ? "green" : "red"}>{t(`results.${result}` as never)}</Badge>
            {at && <span className="text-xs text-slate-500">{format.dateTime(new Date(at), DATE_TIME)}</span>}
          </span>
        ) : (
          <span className="text-xs text-slate-500">{t("never")}</span>
        )}
      </span>
    </div>
  );
}
