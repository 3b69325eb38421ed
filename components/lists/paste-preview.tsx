"use client";

import { useTranslations } from "next-intl";
import type { PastePreview } from "@/lib/actions/calldron-lists";

/** What a paste holds, before anything is sent. */
export function PastePreviewView({ preview }: { preview: PastePreview }) {
  const t = useTranslations("listPage");
  const toSend = preview.valid - preview.dnc.count;
  return (
    <section aria-label={t("previewTitle")} className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="paste-preview">
      <p className="font-medium text-slate-900" data-testid="preview-valid">
        {t("previewValid", { n: toSend })}
      </p>
      <Group label={t("previewInvalid", { n: preview.invalid.count })} items={preview.invalid.shown} more={preview.invalid.count} testId="preview-invalid" />
      <Group
        label={t("previewDuplicates", { n: preview.duplicates.count })}
        items={preview.duplicates.shown}
        more={preview.duplicates.count}
        testId="preview-duplicates"
      />
      <Group label={t("previewDnc", { n: preview.dnc.count })} items={preview.dnc.shown} more={preview.dnc.count} testId="preview-dnc" />
      <p className="text-xs text-slate-500">{t("previewNote")}</p>
    </section>
  );
}

function Group({ label, items, more, testId }: { label: string; items: string[]; more: number; testId: string }) {
  const t = useTranslations("listPage");
  if (more === 0) return null;
  return (
    <details data-testid={testId}>
      <summary className="cursor-pointer text-slate-800">{label}</summary>
      <ul className="mt-1 flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto font-mono text-xs text-slate-700">
        {items.map((item, i) => (
          // The same text may appear twice among invalid entries.
          <li key={i}>{item || "—"}</li>
        ))}
      </ul>
      {more > items.length && <p className="mt-1 text-xs text-slate-500">{t("andMore", { n: more - items.length })}</p>}
    </details>
  );
}
