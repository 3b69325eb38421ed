"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useState, useTransition } from "react";
import { RecordOutcomeNotice } from "@/components/audio-library/record-outcome";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { createCalldogRecordFromText, listCalldogLanguages, type RecordOutcome } from "@/lib/actions/calldog-records";
import { CALLDOG_TEXT_MAX, CALLDOG_TTS_PRICE_KOPECKS } from "@/lib/providers/calldog/wire";

/** Text to speech: a live counter, refused over the limit before anything is sent; the cost is shown first. */
export function RecordFromTextForm({ connectionId }: { connectionId: string }) {
  const t = useTranslations("audioLibrary");
  const router = useRouter();
  const uid = useId();
  const messages = useActionMessages();
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [voiceGender, setVoiceGender] = useState<"female" | "male">("female");
  const [languages, setLanguages] = useState<string[] | "loading" | "failed">("loading");
  const [language, setLanguage] = useState("");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<RecordOutcome>();
  const [error, setError] = useState<{ message?: string; fields?: Record<string, string> }>();

  useEffect(() => {
    let live = true;
    setLanguages("loading");
    listCalldogLanguages({ connectionId }).then((answer) => {
      if (!live) return;
      const list = answer.ok && Array.isArray(answer.data) ? answer.data : null;
      setLanguages(list ?? "failed");
      setLanguage(list?.includes("ru-RU") ? "ru-RU" : (list?.[0] ?? ""));
    });
    return () => {
      live = false;
    };
  }, [connectionId]);

  const tooLong = text.length > CALLDOG_TEXT_MAX;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!name.trim()) fields.name = t("errors.nameRequired");
    if (!text.trim()) fields.text = t("errors.recordTextRequired");
    if (tooLong) fields.text = t("errors.recordTextTooLong");
    if (Object.keys(fields).length > 0) return setError({ fields });
    startTransition(async () => {
      setError(undefined);
      setOutcome(undefined);
      const answer = await createCalldogRecordFromText({ connectionId, name, text, voiceGender, language });
      if (!answer.ok) {
        const said = messages(answer);
        return setError({ message: said.fieldErrors ? undefined : said.error, fields: said.fieldErrors });
      }
      setOutcome(answer.data);
      if (answer.data.outcome === "done") {
        setText("");
        setName("");
      }
      router.refresh();
    });
  };

  const price = (CALLDOG_TTS_PRICE_KOPECKS / 100).toFixed(2);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={t("fromText")}>
      <TextField label={t("recordName")} id={`${uid}-name`} name="name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} error={error?.fields?.name} />
      <TextAreaField
        label={t("text")}
        id={`${uid}-text`} name="text"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error?.fields?.text ?? (tooLong ? t("errors.recordTextTooLong") : undefined)}
      />
      <p className={tooLong ? "-mt-3 text-xs font-medium text-red-700" : "-mt-3 text-xs text-slate-500"} aria-live="polite">
        {t("counter", { count: text.length, max: CALLDOG_TEXT_MAX })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("voice")} id={`${uid}-voiceGender`} name="voiceGender" value={voiceGender} onChange={(e) => setVoiceGender(e.target.value as "female" | "male")}>
          <option value="female">{t("female")}</option>
          <option value="male">{t("male")}</option>
        </SelectField>
        <SelectField
          label={t("language")}
          id={`${uid}-language`} name="language"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          disabled={!Array.isArray(languages)}
          help={languages === "loading" ? t("languagesLoading") : languages === "failed" ? t("languagesFailed") : t("languageHelp")}
        >
          {Array.isArray(languages) ? (
            languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))
          ) : (
            <option value="">—</option>
          )}
        </SelectField>
      </div>
      <p className="text-sm text-slate-700">{t("cost", { price })}</p>
      <Button type="submit" disabled={pending || !language}>
        {pending ? t("sending") : t("sendText", { price })}
      </Button>
      <div aria-live="polite">
        {error?.message && <Notice tone="error">{error.message}</Notice>}
        {outcome && <RecordOutcomeNotice outcome={outcome} kind="create" />}
      </div>
    </form>
  );
}
