"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { type CalldronTestCallState, getCalldronTestCall, sendCalldronTestCall, type WindowClosed } from "@/lib/actions/calldron-test-call";
import { DATE_TIME } from "@/lib/i18n/date-formats";

const POLL_MS = 3_000;
const POLL_FOR_MS = 180_000;
const NO_PHONE = "testCall.calldron.errors.noPhone";

/**
 * "Test call to my number" for a Calldron batch, on its page and in the run confirmation: whether (and when, to which
 * number) the user made one, its status until it ends, its recording; without a number in the profile, a link to it.
 */
export function BatchTestCall({ connectionId, batchId, withHelp = false }: { connectionId: string; batchId: string; withHelp?: boolean }) {
  const t = useTranslations("testCall");
  const format = useFormatter();
  const yourZone = useTimeZone() ?? "Europe/Moscow";
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; noPhone: boolean }>();
  const [closed, setClosed] = useState<WindowClosed>();
  const key = ["calldron-test-call", connectionId, batchId];
  const state = useQuery({
    queryKey: key,
    queryFn: async () => {
      const result = await getCalldronTestCall({ connectionId, batchId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    // Until the call ends, and not for ever: a test call is over in a couple of minutes.
    refetchInterval: (q) => {
      const made = q.state.data?.testCall;
      return made && !made.final && Date.now() - Date.parse(made.at) < POLL_FOR_MS ? POLL_MS : false;
    },
  });

  const send = async () => {
    setBusy(true);
    setError(undefined);
    setClosed(undefined);
    const result = await sendCalldronTestCall({ connectionId, batchId });
    setBusy(false);
    if (!result.ok) return setError({ text: result.error, noPhone: result.keys?.error.key === NO_PHONE });
    if (!result.data.sent) return setClosed(result.data.windowClosed);
    const made = result.data.testCall;
    queryClient.setQueryData<CalldronTestCallState>(key, (old) => ({ testPhone: old?.testPhone ?? null, testCall: made }));
  };

  if (state.isPending) return <p className="min-h-10 text-sm text-slate-600" data-testid="test-call" />;
  if (state.error) return <Notice tone="error">{state.error.message}</Notice>;
  const { testPhone, testCall: made } = state.data;
  const profileLink = (
    <Link href="/profile" className="text-indigo-700 underline">
      {t("profileLink")}
    </Link>
  );

  return (
    <div className="space-y-2 text-sm" data-testid="test-call">
      {withHelp && <p className="text-slate-600">{t("calldron.help")}</p>}
      <p className="text-slate-700" aria-live="polite" data-testid="test-call-state">
        {made
          ? t("calldron.made", {
              phone: made.phone,
              when: format.dateTime(new Date(made.at), DATE_TIME),
              status: t(`statuses.${made.status}`),
            })
          : t("none")}
      </p>
      {made?.recordingSrc && <AudioPlayer src={made.recordingSrc} label={t("calldron.listen", { phone: made.phone })} className="max-w-xl" />}
      {error && (
        <Notice tone="error">
          {error.text} {error.noPhone && profileLink}
        </Notice>
      )}
      {closed && (
        // The next opening in the user's own zone (next-intl formats in it), the window in its own.
        <Notice tone="warning">
          {t(closed.whose === "batch" ? "calldron.batchWindowClosed" : "windowClosed", {
            from: closed.from,
            to: closed.to,
            zone: closed.zone,
            yourZone,
            when: format.dateTime(new Date(closed.opensAt), DATE_TIME),
          })}
        </Notice>
      )}
      {testPhone ? (
        <Button variant="secondary" size="sm" onClick={() => void send()} disabled={busy}>
          {busy ? t("sending") : t("send", { phone: testPhone })}
        </Button>
      ) : (
        <p className="text-slate-700">
          {t("noPhone")} {profileLink}
        </p>
      )}
    </div>
  );
}
