"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId, useRef, useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { describeAudio } from "@/components/audio/audio-facts";
import { Button } from "@/components/ui/button";
import { FileDropZone } from "@/components/ui/file-drop-zone";
import { AUDIO_CONTENT_TYPES, type AudioPurpose, MAX_AUDIO_BYTES } from "@/lib/audio/limits";

export type UploadedAudio = { id: string; name: string; format: "mp3" | "wav"; durationSeconds: number; sizeBytes: number };

/** What the file chooser offers first; only a hint, the server checks the content. */
const ACCEPT = [".mp3", ".wav", ...Object.values(AUDIO_CONTENT_TYPES)].join(",");

type State = { kind: "idle" } | { kind: "uploading"; name: string; percent: number } | { kind: "done"; audio: UploadedAudio } | { kind: "error"; message: string };

/**
 * Drag and drop or choose one audio file, in the same zone as the import's spreadsheet; it is uploaded at once to
 * the app's store (/api/uploads/audio), which checks it by content and reads its duration, and it can be played
 * before the form is saved. The stored file's id goes into a hidden field called `name`. Used for Calldron intros
 * and Calldog records.
 */
export function AudioUpload({
  name,
  purpose,
  label,
  help,
  error,
}: {
  name: string;
  purpose: AudioPurpose;
  label: string;
  help?: ReactNode;
  /** A message from the form's server action about this field. */
  error?: string;
}) {
  const t = useTranslations("audioUpload");
  const id = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const request = useRef<XMLHttpRequest | null>(null);
  const maxMb = MAX_AUDIO_BYTES / 1024 / 1024;

  function upload(file: File) {
    request.current?.abort();
    // The server checks the same limits; refusing here saves sending 11 MB for nothing.
    if (file.size === 0) return setState({ kind: "error", message: t("errors.empty") });
    if (file.size > MAX_AUDIO_BYTES) return setState({ kind: "error", message: t("errors.tooLarge", { maxMb }) });
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    setState({ kind: "uploading", name: file.name, percent: 0 });
    xhr.open("POST", `/api/uploads/audio?purpose=${encodeURIComponent(purpose)}`);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setState({ kind: "uploading", name: file.name, percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () => {
      const body = xhr.response as (UploadedAudio & { error?: string }) | null;
      if (xhr.status === 201 && body?.id) setState({ kind: "done", audio: body });
      else setState({ kind: "error", message: body?.error ?? t("errors.network") });
    };
    xhr.onerror = () => setState({ kind: "error", message: t("errors.network") });
    xhr.send(file);
  }

  const shownError = state.kind === "error" ? state.message : error;
  return (
    <div className="space-y-1">
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <input type="hidden" name={name} value={state.kind === "done" ? state.audio.id : ""} />
      <FileDropZone
        label={label}
        describedBy={`${id}-help`}
        accept={ACCEPT}
        hint={t("drop")}
        chosen={state.kind === "done"}
        disabled={state.kind === "uploading"}
        invalid={Boolean(shownError)}
        onFile={upload}
        onRefuse={(message) => setState({ kind: "error", message })}
        testId="audio-drop-zone"
        actions={
          state.kind === "done" && (
            <Button size="sm" variant="ghost" onClick={() => setState({ kind: "idle" })}>
              {t("remove")}
            </Button>
          )
        }
      >
        {state.kind === "done" ? (
          <>
            <p className="min-w-0 text-slate-800">
              <span className="font-medium break-all">{state.audio.name}</span>{" "}
              <span className="text-slate-500" data-testid="audio-upload-details">
                · {describeAudio(t, state.audio)}
              </span>
            </p>
            <AudioPlayer className="w-full" src={`/api/audio/${state.audio.id}`} label={t("preview", { name: state.audio.name })} downloadName={state.audio.name} />
          </>
        ) : state.kind === "uploading" ? (
          <div role="status" className="min-w-48 flex-1 space-y-2">
            <p className="text-slate-700">{t("uploading", { name: state.name })}</p>
            <progress className="h-2 w-full accent-indigo-600" max={100} value={state.percent} aria-label={t("uploading", { name: state.name })} />
          </div>
        ) : null}
      </FileDropZone>
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {help ? <>{help} </> : null}
        {t("rules", { maxMb })}
      </p>
      {shownError && (
        <p role="alert" className="text-xs text-red-600" data-testid="audio-upload-error">
          {shownError}
        </p>
      )}
    </div>
  );
}
