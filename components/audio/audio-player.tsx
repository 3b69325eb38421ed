"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

/**
 * One player for every sound in the app: recordings through /api/recordings/…, stored audio through
 * /api/audio/…, and a local file before it is uploaded (a blob: URL). Play/pause, seek, speed, download.
 * When the source fails, the app's route answers JSON `{error}`: that message is shown instead of a dead player.
 */
export function AudioPlayer({ src, label, downloadName, className }: { src: string; label: string; downloadName?: string; className?: string }) {
  const t = useTranslations("audioPlayer");
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);

  const [shownSrc, setShownSrc] = useState(src);
  if (shownSrc !== src) {
    setShownSrc(src);
    setError(null);
    setPlaying(false);
    setTime(0);
    setDuration(0);
  }

  async function explainFailure() {
    if (src.startsWith("blob:")) return setError(t("unplayable"));
    try {
      const response = await fetch(src, { headers: { range: "bytes=0-0" } });
      const body = response.ok ? null : ((await response.json().catch(() => null)) as { error?: string } | null);
      setError(body?.error ?? t("unplayable"));
    } catch {
      setError(t("unreachable"));
    }
  }

  if (error) {
    return (
      <p role="status" className={cn("text-xs text-red-700", className)}>
        {error}
      </p>
    );
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of controls, labelled for screen readers
    <div role="group" aria-label={label} className={cn("flex min-w-56 items-center gap-2 text-xs text-slate-700", className)}>
      {/* biome-ignore lint/a11y/useMediaCaption: call recordings have no captions */}
      <audio
        ref={audio}
        src={src}
        preload="metadata"
        onLoadedMetadata={(e) => setDuration(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : 0)}
        onDurationChange={(e) => setDuration(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : 0)}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => void explainFailure()}
      />
      <button
        type="button"
        onClick={() => (playing ? audio.current?.pause() : void audio.current?.play().catch(() => void explainFailure()))}
        aria-label={playing ? t("pause") : t("play")}
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
      </button>
      <input
        type="range"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(time, duration || 0)}
        disabled={!duration}
        onChange={(e) => {
          const value = Number(e.currentTarget.value);
          if (audio.current) audio.current.currentTime = value;
          setTime(value);
        }}
        aria-label={t("seek")}
        aria-valuetext={`${clock(time)} / ${clock(duration)}`}
        className="h-1 min-w-16 flex-1 accent-indigo-600"
      />
      <span className="shrink-0 tabular-nums" data-testid="audio-time">
        {clock(time)} / {clock(duration)}
      </span>
      <select
        value={speed}
        onChange={(e) => {
          const value = Number(e.currentTarget.value);
          setSpeed(value);
          if (audio.current) audio.current.playbackRate = value;
        }}
        aria-label={t("speed")}
        className="shrink-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <a href={src} download={downloadName ?? true} className="shrink-0 text-indigo-700 underline hover:text-indigo-900">
        {t("download")}
      </a>
    </div>
  );
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
