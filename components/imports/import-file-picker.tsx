"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * What the file chooser offers first. Only a hint, as the browser's input always was: any file may still be chosen or
 * dropped, and the server, which reads the content, says why one is refused ("not a spreadsheet: binary data").
 */
const ACCEPT = ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Drag and drop or choose one spreadsheet, as the audio upload does: the browser's own file input says "Choose File"
 * in the browser's language and cannot be styled, so it is hidden here behind a button with the app's text. The
 * file is only held; the wizard sends it with its "Upload and preview" button.
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
  const dropzone = useDropzone({
    multiple: false,
    disabled,
    // The zone is for the mouse; the keyboard's way in is the button, which opens the same chooser.
    noClick: true,
    noKeyboard: true,
    onDrop: (accepted, rejected) => {
      const [chosen] = accepted;
      // With no type filter, a drop is refused only for holding several files.
      if (rejected.length > 0 || !chosen) return setRefused(t("oneFile"));
      setRefused(undefined);
      onChange(chosen);
    },
  });

  return (
    <div className="space-y-1">
      <div
        {...dropzone.getRootProps({
          className: cn(
            "flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed px-4 py-4 text-sm transition-colors",
            dropzone.isDragActive ? "border-indigo-500 bg-indigo-50" : refused ? "border-red-400 bg-white" : "border-slate-300 bg-white",
          ),
        })}
        data-testid="import-drop-zone"
      >
        <input {...dropzone.getInputProps({ id, accept: ACCEPT, "aria-label": label, "aria-describedby": helpId })} />
        <Button size="sm" variant="secondary" onClick={dropzone.open} disabled={disabled}>
          {file ? t("replace") : t("choose")}
        </Button>
        {file ? (
          <p className="min-w-0 text-slate-800" data-testid="import-chosen-file">
            <span className="font-medium break-all">{file.name}</span> <span className="text-slate-500">· {fileSize(file.size, t, format.number)}</span>
          </p>
        ) : (
          <p className="text-slate-600">{dropzone.isDragActive ? t("dropHere") : t("drop")}</p>
        )}
      </div>
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
