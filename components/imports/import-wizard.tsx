"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ColumnMapping } from "@/components/imports/column-mapping";
import { ImportCheckView } from "@/components/imports/import-check-view";
import { LazyImportFilePicker } from "@/components/imports/lazy-import-file-picker";
import { type TargetChoices, TargetPicker, targetFrom } from "@/components/imports/target-picker";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { checkImport, startImport } from "@/lib/actions/imports";
import type { Mapping } from "@/lib/imports/plan";
import type { ImportCheck } from "@/lib/imports/prepare";
import type { UploadPreview } from "@/lib/imports/upload";

export type { TargetChoices };

/**
 * Upload, preview and map, choose a target, check (counts and refused rows; nothing sent), start. The import then
 * runs as a task on its own page, so a reload or a restart does not lose it.
 */
export function ImportWizard({ choices, initialTarget, initialList }: { choices: TargetChoices; initialTarget?: string; initialList?: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [upload, setUpload] = useState<UploadPreview>();
  const [mapping, setMapping] = useState<Mapping>();
  const [target, setTarget] = useState({ kind: initialTarget ?? "calldron", choice: initialList ?? "" });
  const [check, setCheck] = useState<ImportCheck>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const send = () =>
    startTransition(async () => {
      if (!file) return;
      setError(undefined);
      setUpload(undefined);
      setCheck(undefined);
      try {
        const response = await fetch("/api/imports", { method: "POST", body: file, headers: { "x-file-name": encodeURIComponent(file.name) } });
        const body = await response.json().catch(() => ({ error: t("refused.unexpected") }));
        if (!response.ok) return setError(body.error ?? t("refused.unexpected"));
        setUpload(body as UploadPreview);
        setMapping((body as UploadPreview).mapping);
      } catch {
        setError(t("refused.network"));
      }
    });

  const chosen = targetFrom(target, choices);
  const input = upload && mapping && chosen ? { fileId: upload.fileId, mapping, target: chosen } : undefined;
  const runCheck = () =>
    startTransition(async () => {
      if (!input) return;
      setError(undefined);
      const result = await checkImport(input);
      if (result.ok) setCheck(result.data);
      else setError(result.error);
    });
  const start = () =>
    startTransition(async () => {
      if (!input) return;
      setError(undefined);
      const result = await startImport(input);
      if (result.ok) router.push(`/imports/${result.data.taskId}`);
      else setError(result.error);
    });

  return (
    <div className="space-y-6">
      <section className="space-y-2" aria-labelledby={`${fileId}-step1`}>
        <h2 id={`${fileId}-step1`} className="font-semibold text-slate-900">
          {t("step1")}
        </h2>
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">
          {t("fileLabel")}
        </label>
        <LazyImportFilePicker
          id={fileId}
          label={t("fileLabel")}
          helpId={`${fileId}-help`}
          file={file}
          disabled={pending}
          onChange={(chosen) => {
            setFile(chosen);
            setUpload(undefined);
            setCheck(undefined);
          }}
        />
        <p id={`${fileId}-help`} className="text-xs text-slate-500">
          {t("fileHelp")}
        </p>
        <Button onClick={send} disabled={!file || pending}>
          {pending && !upload ? t("uploading") : t("upload")}
        </Button>
      </section>

      {error && <Notice tone="error">{error}</Notice>}

      {upload && mapping && (
        <>
          <section className="space-y-2">
            <h2 className="font-semibold text-slate-900">{t("step2")}</h2>
            <p className="text-sm text-slate-600" data-testid="upload-summary">
              {t("detected", {
                name: upload.name,
                format: upload.format.toUpperCase(),
                encoding: upload.encoding ?? "—",
                delimiter: upload.delimiter === "\t" ? "Tab" : (upload.delimiter ?? "—"),
                rows: upload.rows,
              })}
            </p>
            {upload.remembered && <Notice tone="info">{t("mappingRemembered")}</Notice>}
            <ColumnMapping
              headers={upload.headers}
              preview={upload.preview}
              mapping={mapping}
              onChange={(m) => {
                setMapping(m);
                setCheck(undefined);
              }}
            />
          </section>
          <section className="space-y-3">
            <h2 className="font-semibold text-slate-900">{t("step3")}</h2>
            <TargetPicker
              choices={choices}
              value={target}
              onChange={(v) => {
                setTarget(v);
                setCheck(undefined);
              }}
            />
          </section>
          <section className="space-y-3">
            <h2 className="font-semibold text-slate-900">{t("step4")}</h2>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={runCheck} disabled={!input || pending}>
                {t("check")}
              </Button>
              <Button onClick={start} disabled={!input || !check || pending || check.valid + check.dnc.length === 0}>
                {t("start")}
              </Button>
            </div>
            {!check && <p className="text-xs text-slate-500">{t("checkFirst")}</p>}
            {check && <ImportCheckView check={check} dncTarget={chosen?.kind === "dnc"} />}
          </section>
        </>
      )}
    </div>
  );
}
