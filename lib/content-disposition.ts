/**
 * A Content-Disposition value that names the file in every browser: `filename*` (RFC 5987, UTF-8) for the real
 * name — Cyrillic included — and a plain-ASCII `filename` for clients that read only that. encodeURIComponent
 * leaves ' ( ) * ! unencoded, and an unencoded ' or ( in `filename*` makes Chromium drop the name altogether.
 */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f"\\/]/g, "").trim() || "download";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
