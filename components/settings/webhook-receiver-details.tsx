"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { getWebhookReceiver, rotateWebhookToken, type WebhookReceiverView } from "@/lib/actions/webhooks";
import { DATE_TIME_SECONDS } from "@/lib/i18n/date-formats";

/** What the receiver dialog shows: the URL to give Calldog, what arrived, and rotating the token. */
export function ReceiverDetails({ connectionId, onClose }: { connectionId: string; onClose: () => void }) {
  const t = useTranslations("webhooks");
  const queryClient = useQueryClient();
  const queryKey = ["webhook-receiver", connectionId];
  const receiver = useQuery({ queryKey, queryFn: () => unwrap(getWebhookReceiver({ id: connectionId })) });
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: () => unwrap(rotateWebhookToken({ id: connectionId })),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKey, data);
      setConfirming(false);
    },
  });

  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>{t("intro")}</p>
      {receiver.isPending && <p aria-live="polite">{t("loading")}</p>}
      {receiver.isError && <Notice tone="error">{receiver.error.message}</Notice>}
      {receiver.data && <ReceiverView data={receiver.data} />}
      {rotate.isSuccess && !confirming && <Notice tone="success">{t("rotated")}</Notice>}
      {rotate.isError && <Notice tone="error">{rotate.error.message}</Notice>}
      {confirming ? (
        <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="text-amber-900">{t("confirmRotate")}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
            <Button variant="danger" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
              {rotate.isPending ? t("rotating") : t("rotateConfirm")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex justify-between gap-2">
          <Button variant="secondary" disabled={!receiver.data} onClick={() => setConfirming(true)}>
            {t("rotate")}
          </Button>
          <Button onClick={onClose}>{t("close")}</Button>
        </div>
      )}
    </div>
  );
}

function ReceiverView({ data }: { data: WebhookReceiverView }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const shown = data.url ?? data.path;
  return (
    <>
      {data.url === null && <Notice tone="warning">{t("noPublicUrl")}</Notice>}
      <div className="flex items-end gap-2">
        <TextField
          className="flex-1"
          label={data.url ? t("url") : t("path")}
          name="webhook-url"
          value={shown}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ fontFamily: "var(--font-mono, monospace)", fontSize: "0.75rem" }}
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(shown).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1" data-testid="webhook-stats">
        <dt className="text-slate-500">{t("lastReceived")}</dt>
        <dd>{data.lastReceivedAt ? format.dateTime(new Date(data.lastReceivedAt), DATE_TIME_SECONDS) : t("never")}</dd>
        <dt className="text-slate-500">{t("receivedToday")}</dt>
        <dd data-testid="webhook-received">{format.number(data.receivedToday)}</dd>
        <dt className="text-slate-500">{t("pending")}</dt>
        <dd data-testid="webhook-pending">{format.number(data.pending)}</dd>
        <dt className="text-slate-500">{t("failed")}</dt>
        <dd data-testid="webhook-failed">{format.number(data.failed)}</dd>
      </dl>
    </>
  );
}

async function unwrap<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: string }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error);
  return answer.data;
}
