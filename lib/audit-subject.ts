/** One piece of an audit entry's subject: a name, and the page of the thing it names where there is one. */
export type AuditSubjectPart = { text: string; href?: string };

type Entry = { action: string; target: string | null; details: Record<string, unknown> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALLDOG_CAMPAIGN_ACTIONS = new Set(["calldog.campaign.launched", "calldog.campaign.retried", "calldog.campaign.testCall"]);

/**
 * What an audit entry is about, as the Subject column shows it: names rather than ids where the entry recorded
 * them (a campaign's name, a list's and a batch's), each linked to its page. Several parts read "list → batch".
 * An entry written before the names were recorded shows its target as it is; an entry with neither, nothing.
 */
export function auditSubject({ action, target, details }: Entry): AuditSubjectPart[] {
  const text = (key: string) => {
    const value = details[key];
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  if (CALLDOG_CAMPAIGN_ACTIONS.has(action)) {
    return [{ text: text("name") ?? target ?? "", href: target && UUID.test(target) ? `/campaigns/calldog/${target}` : undefined }].filter((p) => p.text);
  }
  if (action === "calldron.runList.started") {
    const connectionId = text("connectionId");
    const listName = text("listName");
    const batchName = text("batchName");
    if (listName && batchName) {
      return [
        { text: listName, href: calldronPath("/lists/calldron", connectionId, text("listId")) },
        { text: batchName, href: calldronPath("/campaigns/calldron", connectionId, text("batchId")) },
      ];
    }
  }
  if (action.startsWith("task.") && target && UUID.test(target)) return [{ text: text("title") ?? target, href: `/tasks/${target}` }];
  if (action === "import.started" && target) {
    const taskId = text("taskId");
    return [{ text: target, href: taskId && UUID.test(taskId) ? `/imports/${taskId}` : undefined }];
  }
  // One number added by hand names the number, not the list: only a list's name links to the list.
  if ((action === "calldron.list.created" || action === "calldron.subscribers.added") && target && !target.startsWith("+")) {
    return [{ text: target, href: calldronPath("/lists/calldron", text("connectionId"), text("listId")) }];
  }
  if (action.startsWith("launch.") && target) return [{ text: target, href: approvalTargetPath(text("kind"), text("target")) }];
  return target ? [{ text: target }] : [];
}

/** A Calldron list's or batch's page: a connection's uuid and the provider's numeric id. */
function calldronPath(base: string, connectionId: string | undefined, id: string | undefined): string | undefined {
  return connectionId && UUID.test(connectionId) && id && /^\d{1,18}$/.test(id) ? `${base}/${connectionId}/${id}` : undefined;
}

/** The page of what an approval was asked for: the Calldog campaign, or the batch a list was to run through. */
function approvalTargetPath(kind: string | undefined, target: string | undefined): string | undefined {
  if (!target) return undefined;
  if (kind === "calldog.launch") return UUID.test(target) ? `/campaigns/calldog/${target}` : undefined;
  if (kind === "calldron.runList") {
    const [connectionId, , batchId] = target.split(":");
    return calldronPath("/campaigns/calldron", connectionId, batchId);
  }
  return undefined;
}
