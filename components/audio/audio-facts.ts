type Translate = (key: "details" | "seconds" | "minutesSeconds" | "kb" | "mb", values: Record<string, string | number>) => string;

/** "WAV · 1 min 5 s · 1.2 MB", with a translator of the `audioUpload` namespace (client or server). */
export function describeAudio(t: Translate, audio: { format: string; durationSeconds: number | null; sizeBytes: number }): string {
  return t("details", {
    format: audio.format.toUpperCase(),
    duration: audio.durationSeconds === null ? "—" : audioDuration(t, audio.durationSeconds),
    size: audioSize(t, audio.sizeBytes),
  });
}

export function audioDuration(t: Translate, seconds: number): string {
  if (seconds < 60) return t("seconds", { seconds: Math.round(seconds * 10) / 10 });
  const whole = Math.round(seconds);
  return t("minutesSeconds", { minutes: Math.floor(whole / 60), seconds: whole % 60 });
}

export function audioSize(t: Translate, bytes: number): string {
  if (bytes < 1024 * 1024) return t("kb", { n: Math.max(1, Math.round(bytes / 1024)) });
  return t("mb", { n: Math.round((bytes / 1024 / 1024) * 10) / 10 });
}
