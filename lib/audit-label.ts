/** The message key (under `audit.actions`) of an audit action: `calldron.batch.created` → `calldron_batch_created`. */
export function auditLabelKey(action: string): string {
  return action.replace(/\./g, "_");
}
