import type { AudioFormat } from "@/lib/audio/limits";

const MAX_NAME_LENGTH = 100;

/**
 * A stored file's name, safe in a header, a path or a page: the base name only, no control or path
 * characters, at most 100 characters, and the extension that matches what the content really is.
 */
export function sanitiseAudioFileName(raw: string, format: AudioFormat): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/\.[^.]*$/, "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.]+$/g, "")
    .slice(0, MAX_NAME_LENGTH - format.length - 1)
    .trim();
  return `${stem || "audio"}.${format}`;
}
