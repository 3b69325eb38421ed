"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getCalldogTestCallStatus, sendCalldogTestCall } from "@/lib/actions/calldog-test-call";
import type { DraftView } from "@/lib/calldog/campaign-draft";
import { DATE_TIME, TIME_SECONDS } from "@/lib/i18n/date-formats";

const POLL_MS = 3_000;
const POLL_FOR_MS = 180_000;

/**
 * "Test call to my number": the draft's message and menu to the number in the user's profile, once, with its
 * status from Calldog; the review shows whether a test call was made. Without a number, a link to the profile.
 */
export function TestCall({ draft, testPhone, onDraft }: { draft: DraftView; testPhone: string | null; onDraft: (draft: DraftView) => void }) {
  const t = useTranslations("testCall");
  const format = useFormatter();
  const yourZone = useTimeZone() ?? "Europe/Moscow";
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [closed, setClosed] = useState<{ from: string; to: string; zone: string; opensAt: string }>();
  const made = draft.testCall;
  const status = useQuery({
    queryKey: ["calldog-test-call", draft.campaignId, made?.callId],
    enabled: Boolean(made),
    queryFn: async () => {
      const result = await getCalldogTestCallStatus({ campaignId: draft.campaignId });
      if (!result.ok) throw new Error(result.error);
      return result.data.status;
    },
    // Until the call ends, and not for ever: a test call is over in a couple of minutes.
    refetchInterval: (q) =>
      (q.state.data && ["answered", "busy", "no_answer", "failed", "canceled"].includes(q.state.data)) || (made && Date.now() - Date.parse(made.at) > POLL_FOR_MS) ? false : POLL_MS,
  });

  const send = async () => {
    setBusy(true);
    setError(undefined);
    setClosed(undefined);
    const result = await sendCalldogTestCall({ campaignId: draft.campaignId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.data.sent) return setClosed(result.data.windowClosed);
    const { sent: _, ...made } = result.data;
    onDraft({ ...draft, testCall: made });
  };

  if (!testPhone) {
    return (
      <p className="text-slate-700" data-testid="test-call">
        {t("noPhone")}{" "}
        <Link href="/profile" className="text-indigo-700 underline">
          {t("profileLink")}
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="test-call">
      <p className="text-slate-700" aria-live="polite">
        {made
          ? t("made", {
              phone: made.phone,
              when: format.dateTime(new Date(made.at), TIME_SECONDS),
              status: t(`statuses.${status.data ?? "unknown"}` as never),
            })
          : t("none")}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {closed && (
        // The next opening in the user's own zone (next-intl formats in it), the window in the campaign's.
        <Notice tone="warning">
          {t("windowClosed", { from: closed.from, to: closed.to, zone: closed.zone, yourZone, when: format.dateTime(new Date(closed.opensAt), DATE_TIME) })}
        </Notice>
      )}
      <Button variant="secondary" onClick={() => void send()} disabled={busy}>
        {busy ? t("sending") : t("send", { phone: testPhone })}
      </Button>
    </div>
  );
}
