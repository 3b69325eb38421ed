"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * Drag and drop or choose one file. The browser's own file input says "Choose File" in the browser's language and
 * cannot be styled, so it is hidden here behind a button with the app's text. The zone is for the mouse; the
 * button, which opens the same chooser, is the keyboard's way in. What the file is for, and any check of its size,
 * is the caller's: the zone refuses only a drop of several files. Load it after the page (its callers' Lazy*
 * wrappers): a zone shown before its code has arrived would take a file and then lose it.
 */
export function FileDropZone({
  id,
  label,
  describedBy,
  accept,
  hint,
  chosen,
  disabled,
  invalid,
  onFile,
  onRefuse,
  actions,
  children,
  testId,
}: {
  /** The hidden input's id, for a visible label. */
  id?: string;
  /** The hidden input's accessible name. */
  label: string;
  describedBy?: string;
  /** What the file chooser offers first. Only a hint: any file may still be chosen or dropped. */
  accept?: string;
  /** Said beside the button while no file is there: "or drag … here". */
  hint: string;
  /** A file is there: the button offers another. */
  chosen: boolean;
  disabled?: boolean;
  /** The field has an error, said by the caller: a red border. */
  invalid?: boolean;
  onFile: (file: File) => void;
  /** A message for the user: the drop was not taken. */
  onRefuse: (message: string) => void;
  /** Buttons after "Choose a file". */
  actions?: ReactNode;
  /** What the zone shows of the file (its name and size, progress); the hint when there is none. */
  children?: ReactNode;
  testId?: string;
}) {
  const t = useTranslations("ui.fileDrop");
  const dropzone = useDropzone({
    multiple: false,
    disabled,
    noClick: true,
    noKeyboard: true,
    onDrop: (accepted, rejected) => {
      const [file] = accepted;
      // With no type filter, a drop is refused only for holding several files.
      if (rejected.length > 0 || !file) return onRefuse(t("oneFile"));
      onFile(file);
    },
  });

  return (
    <div
      {...dropzone.getRootProps({
        className: cn(
          "flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed px-4 py-4 text-sm transition-colors",
          dropzone.isDragActive ? "border-indigo-500 bg-indigo-50" : invalid ? "border-red-400 bg-white" : "border-slate-300 bg-white",
        ),
      })}
      data-testid={testId}
    >
      <input {...dropzone.getInputProps({ id, accept, "aria-label": label, "aria-describedby": describedBy })} />
      <Button size="sm" variant="secondary" onClick={dropzone.open} disabled={disabled}>
        {chosen ? t("replace") : t("choose")}
      </Button>
      {actions}
      {children || <p className="text-slate-600">{dropzone.isDragActive ? t("dropHere") : hint}</p>}
    </div>
  );
}
