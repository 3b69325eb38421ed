"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FileDropZone } from "@/components/ui/file-drop-zone";

/**
 * What the file chooser offers first. Only a hint, as the browser's input always was: any file may still be chosen or
 * dropped, and the server, which reads the content, says why one is refused ("not a spreadsheet: binary data").
 */
const ACCEPT = ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Drag and drop or choose one spreadsheet. The file is only held; the wizard sends it with its "Upload and preview"
 * button.
 */
export function ImportFilePicker({
  id,
  label,
  helpId,
  file,
  onChange,
  disabled,
}: {
  /** The input's id, for the form's visible label. */
  id: string;
  label: string;
  /** The id of the help text under the picker. */
  helpId: string;
  file: File | undefined;
  onChange: (file: File | undefined) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("imports.picker");
  const format = useFormatter();
  const [refused, setRefused] = useState<string>();

  return (
    <div className="space-y-1">
      <FileDropZone
        id={id}
        label={label}
        describedBy={helpId}
        accept={ACCEPT}
        hint={t("drop")}
        chosen={Boolean(file)}
        disabled={disabled}
        invalid={Boolean(refused)}
        onFile={(chosen) => {
          setRefused(undefined);
          onChange(chosen);
        }}
        onRefuse={setRefused}
        testId="import-drop-zone"
      >
        {file && (
          <p className="min-w-0 text-slate-800" data-testid="import-chosen-file">
            <span className="font-medium break-all">{file.name}</span> <span className="text-slate-500">· {fileSize(file.size, t, format.number)}</span>
          </p>
        )}
      </FileDropZone>
      {refused && (
        <p role="alert" className="text-xs text-red-600">
          {refused}
        </p>
      )}
    </div>
  );
}

/** "12 KB", "1.4 MB": whole kilobytes (at least one) below a megabyte, tenths of a megabyte above. */
function fileSize(bytes: number, t: (key: "kb" | "mb", values: { n: string }) => string, number: (n: number) => string): string {
  if (bytes < 1024 * 1024) return t("kb", { n: number(Math.max(1, Math.round(bytes / 1024))) });
  return t("mb", { n: number(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}
