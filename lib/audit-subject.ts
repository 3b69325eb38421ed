/** One piece of an audit entry's subject: a name, and the page of the thing it names where there is one. */
export type AuditSubjectPart = { text: string; href?: string };

type Entry = { action: string; target: string | null; details: Record<string, unknown> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALLDOG_CAMPAIGN_ACTIONS = new Set(["calldog.campaign.launched", "calldog.campaign.retried", "calldog.campaign.testCall"]);

/**
 * What an audit entry is about, as the Subject column shows it: names rather than ids where the entry recorded
 * them (a campaign's name, a list's, a batch's, an Obzvonilka base's and contact's), each linked to its page where
 * it has one. Several parts read "list → batch", "list → number", "base → contact". Numbers are shown as the log
 * keeps them elsewhere (E.164, as dnc.removed and call.dial_one record theirs). An entry written before the names
 * were recorded shows its target (an id) as it is; an entry with neither, nothing.
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
  // One number added or removed by hand: the list's name (recorded since it was asked for) and the number. A number
  // is never linked as if it were the list; an older entry shows the number, or the provider's subscriber id.
  if (action === "calldron.subscriber.removed" || (action === "calldron.subscribers.added" && target?.startsWith("+"))) {
    return withList(text("listName"), calldronPath("/lists/calldron", text("connectionId"), text("listId")), text("phone") ?? target);
  }
  // A kept list pushed into a Calldron list: "kept list → Calldron list", each linked to its own page.
  const fromContactList = text("fromContactList");
  if (action === "calldron.subscribers.added" && target && fromContactList && UUID.test(fromContactList)) {
    const calldronList = text("listName") ?? text("listId");
    const pushed = { text: target, href: `/lists/app/${fromContactList}` };
    return calldronList ? [pushed, { text: calldronList, href: calldronPath("/lists/calldron", text("connectionId"), text("listId")) }] : [pushed];
  }
  if ((action === "calldron.list.created" || action === "calldron.subscribers.added") && target) {
    return [{ text: target, href: calldronPath("/lists/calldron", text("connectionId"), text("listId")) }];
  }
  // The list is gone: its name, recorded before it was deleted; an older entry had no target, so its id.
  if (action === "calldron.list.deleted") {
    const shown = target ?? text("listId");
    return shown ? [{ text: shown }] : [];
  }
  if (action === "calldron.batch.testCall" || action === "calldron.batch.created" || action === "calldron.batch.updated") {
    const shown = text("batchName") ?? target;
    return shown ? [{ text: shown, href: calldronPath("/campaigns/calldron", text("connectionId"), text("batchId")) }] : [];
  }
  if (action === "contact_list.number_removed") {
    const listId = text("listId");
    return withList(text("listName"), listId && UUID.test(listId) ? `/lists/app/${listId}` : undefined, text("phone") ?? target);
  }
  if (action.startsWith("obzvonilka.contact.")) {
    const connectionId = text("connectionId");
    const baseId = numericId(details.baseId);
    const contactId = numericId(target);
    const basePath = connectionId && UUID.test(connectionId) && baseId ? `/lists/obzvonilka/${connectionId}/${baseId}` : undefined;
    const contact = text("contactName") ?? target;
    if (!contact) return [];
    const contactPart = { text: contact, href: basePath && contactId ? `${basePath}/contacts/${contactId}` : undefined };
    const baseName = text("baseName");
    return baseName ? [{ text: baseName, href: basePath }, contactPart] : [contactPart];
  }
  if (action.startsWith("launch.") && target) return [{ text: target, href: approvalTargetPath(text("kind"), text("target")) }];
  return target ? [{ text: target }] : [];
}

/** "list → number" when the list's name was recorded, else the number (or the id an older entry holds) alone. */
function withList(listName: string | undefined, listHref: string | undefined, number: string | null | undefined): AuditSubjectPart[] {
  const parts: AuditSubjectPart[] = listName ? [{ text: listName, href: listHref }] : [];
  return number ? [...parts, { text: number }] : parts;
}

/** A provider's numeric id, recorded as a number or as digits. */
function numericId(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  return typeof value === "string" && /^\d{1,18}$/.test(value) ? value : undefined;
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
