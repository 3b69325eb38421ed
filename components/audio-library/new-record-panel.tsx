"use client";

import { useTranslations } from "next-intl";
import { ExistingRecordForm } from "@/components/audio-library/existing-record-form";
import { RecordFromFileForm } from "@/components/audio-library/record-from-file-form";
import { RecordFromTextForm } from "@/components/audio-library/record-from-text-form";

/** The three ways a record gets into one connection's registry. */
export function NewRecordPanel({ connectionId }: { connectionId: string }) {
  const t = useTranslations("audioLibrary");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className="space-y-3" aria-labelledby={`file-${connectionId}`}>
        <h3 id={`file-${connectionId}`} className="font-medium text-slate-900">
          {t("fromFile")}
        </h3>
        <RecordFromFileForm connectionId={connectionId} />
      </section>
      <section className="space-y-3" aria-labelledby={`text-${connectionId}`}>
        <h3 id={`text-${connectionId}`} className="font-medium text-slate-900">
          {t("fromText")}
        </h3>
        <RecordFromTextForm connectionId={connectionId} />
      </section>
      <section className="space-y-3 lg:col-span-2" aria-labelledby={`existing-${connectionId}`}>
        <h3 id={`existing-${connectionId}`} className="font-medium text-slate-900">
          {t("existing")}
        </h3>
        <p className="text-sm text-slate-600">{t("existingHelp")}</p>
        <ExistingRecordForm connectionId={connectionId} />
      </section>
    </div>
  );
}
