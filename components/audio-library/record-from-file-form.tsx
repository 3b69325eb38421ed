"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState, useTransition } from "react";
import { LazyAudioUpload as AudioUpload } from "@/components/audio/lazy-audio-upload";
import { RecordOutcomeNotice } from "@/components/audio-library/record-outcome";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { createCalldogRecordFromFile, type RecordOutcome } from "@/lib/actions/calldog-records";

/** A file checked and previewed in the app's store first, then sent to Calldog as a multipart upload. */
export function RecordFromFileForm({ connectionId }: { connectionId: string }) {
  const t = useTranslations("audioLibrary");
  const router = useRouter();
  const uid = useId();
  const messages = useActionMessages();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<RecordOutcome>();
  const [error, setError] = useState<{ message?: string; fields?: Record<string, string> }>();
  const [formKey, setFormKey] = useState(0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const audioFileId = String(form.get("audioFileId") ?? "");
    if (!audioFileId) return setError({ fields: { audioFileId: t("errors.audioFileRequired") } });
    startTransition(async () => {
      setError(undefined);
      setOutcome(undefined);
      const answer = await createCalldogRecordFromFile({ connectionId, name: String(form.get("name") ?? ""), audioFileId });
      if (!answer.ok) {
        const said = messages(answer);
        return setError({ message: said.fieldErrors ? undefined : said.error, fields: said.fieldErrors });
      }
      setOutcome(answer.data);
      if (answer.data.outcome === "done") setFormKey((k) => k + 1);
      router.refresh();
    });
  };

  return (
    <form key={formKey} onSubmit={onSubmit} className="space-y-4" noValidate aria-label={t("fromFile")}>
      <TextField label={t("recordName")} id={`${uid}-name`} name="name" maxLength={100} required error={error?.fields?.name} />
      <AudioUpload name="audioFileId" purpose="calldog-record" label={t("file")} error={error?.fields?.audioFileId} />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("sendFile")}
      </Button>
      <div aria-live="polite">
        {error?.message && <Notice tone="error">{error.message}</Notice>}
        {outcome && <RecordOutcomeNotice outcome={outcome} kind="create" />}
      </div>
    </form>
  );
}
