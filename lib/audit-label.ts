/** The message key (under `audit.actions`) of an audit action: `calldron.batch.created` → `calldron_batch_created`. */
export function auditLabelKey(action: string): string {
  return action.replace(/\./g, "_");
}

/**
 * How many numbers an entry concerns (what dials, deletes or changes numbers records `count` in its details),
 * or null for an entry with no count.
 */
export function auditCount(details: Record<string, unknown>): number | null {
  const count = details.count;
  return typeof count === "number" && Number.isFinite(count) && count >= 0 ? count : null;
}
