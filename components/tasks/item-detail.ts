/**
 * An item's detail in words. The runner writes `<provider error kind>: <the provider's own message>` or a bare
 * kind (e.g. `unexpected`); the kind is translated, the provider's text is shown as the provider wrote it.
 */
export function describeDetail(detail: string | null, t: { (key: string): string; has(key: string): boolean }): string {
  if (!detail) return "";
  const [kind, ...rest] = detail.split(": ");
  const words = kind && t.has(`details.${kind}`) ? t(`details.${kind}`) : undefined;
  if (!words) return detail;
  return rest.length ? `${words}: ${rest.join(": ")}` : words;
}
