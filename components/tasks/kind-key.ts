/** Message keys cannot hold dots: `calldron.addSubscribers` → `calldron_addSubscribers`. */
export function kindKey(kind: string): string {
  return kind.replace(/\./g, "_");
}
