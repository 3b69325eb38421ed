import "server-only";
import type { IvrRecordChoice } from "@/lib/calldog/ivr-menu";
import { listCalldogRecordChoices } from "@/lib/db/queries/calldog-records";

/** The registry's records as the builder offers them: one connection's (the wizard), or all, grouped by connection. */
export async function recordChoicesForBuilder({ connectionId }: { connectionId?: string } = {}): Promise<IvrRecordChoice[]> {
  const rows = await listCalldogRecordChoices({ connectionId });
  return rows.map((r) => ({ recordId: r.recordId, name: r.name, group: connectionId ? undefined : r.connectionName }));
}
