import { describe, expect, it } from "vitest";
import { auditSubject } from "@/lib/audit-subject";

const CAMPAIGN = "3f2b8c1e-0a4d-4e5f-9b6a-1c2d3e4f5a6b";
const CONNECTION = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const TASK = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
const LIST = "5c4b3a29-1807-4f6e-9d5c-4b3a29180706";

describe("audit subject", () => {
  it("a Calldog launch shows the campaign's name, linked to the campaign", () => {
    expect(auditSubject({ action: "calldog.campaign.launched", target: CAMPAIGN, details: { name: "Весенняя акция", count: 3 } })).toEqual([
      { text: "Весенняя акция", href: `/campaigns/calldog/${CAMPAIGN}` },
    ]);
    expect(auditSubject({ action: "calldog.campaign.testCall", target: CAMPAIGN, details: { name: "Test" } })[0]?.text).toBe("Test");
  });

  it("an older launch without a recorded name keeps its id, still linked", () => {
    expect(auditSubject({ action: "calldog.campaign.launched", target: CAMPAIGN, details: {} })).toEqual([{ text: CAMPAIGN, href: `/campaigns/calldog/${CAMPAIGN}` }]);
  });

  it("a list run shows the list and the batch by name, each linked to its page", () => {
    const details = { connectionId: CONNECTION, listId: "12", listName: "Тестовый список", batchId: "34", batchName: "Акция выходного дня", count: 5 };
    expect(auditSubject({ action: "calldron.runList.started", target: TASK, details })).toEqual([
      { text: "Тестовый список", href: `/lists/calldron/${CONNECTION}/12` },
      { text: "Акция выходного дня", href: `/campaigns/calldron/${CONNECTION}/34` },
    ]);
  });

  it("a list run recorded without names shows its task id as before", () => {
    expect(auditSubject({ action: "calldron.runList.started", target: TASK, details: { count: 5 } })).toEqual([{ text: TASK }]);
  });

  it("ids that are not the expected shape make no link", () => {
    const details = { connectionId: "javascript:alert(1)", listId: "12", listName: "L", batchId: "../x", batchName: "B" };
    expect(auditSubject({ action: "calldron.runList.started", target: TASK, details })).toEqual([{ text: "L" }, { text: "B" }]);
    expect(auditSubject({ action: "calldog.campaign.launched", target: "not-an-id", details: { name: "N" } })).toEqual([{ text: "N" }]);
  });

  it("tasks, imports and approvals link to their pages", () => {
    expect(auditSubject({ action: "task.paused", target: TASK, details: { title: "Импорт → Список" } })).toEqual([{ text: "Импорт → Список", href: `/tasks/${TASK}` }]);
    expect(auditSubject({ action: "import.started", target: "export.csv → L", details: { taskId: TASK } })).toEqual([{ text: "export.csv → L", href: `/imports/${TASK}` }]);
    expect(auditSubject({ action: "launch.approved", target: "Весна", details: { kind: "calldog.launch", target: CAMPAIGN } })).toEqual([
      { text: "Весна", href: `/campaigns/calldog/${CAMPAIGN}` },
    ]);
    expect(auditSubject({ action: "launch.rejected", target: "L → B", details: { kind: "calldron.runList", target: `${CONNECTION}:12:34` } })).toEqual([
      { text: "L → B", href: `/campaigns/calldron/${CONNECTION}/34` },
    ]);
  });

  it("a number added to a list by hand is not linked as if it were the list", () => {
    expect(auditSubject({ action: "calldron.subscribers.added", target: "+79990001122", details: { connectionId: CONNECTION, listId: "12" } })).toEqual([{ text: "+79990001122" }]);
    expect(auditSubject({ action: "calldron.subscribers.added", target: "Клиенты", details: { connectionId: CONNECTION, listId: "12" } })).toEqual([
      { text: "Клиенты", href: `/lists/calldron/${CONNECTION}/12` },
    ]);
  });

  it("a number added by hand names its list too, once the list's name is recorded", () => {
    expect(auditSubject({ action: "calldron.subscribers.added", target: "+79990001122", details: { connectionId: CONNECTION, listId: "12", listName: "Клиенты" } })).toEqual([
      { text: "Клиенты", href: `/lists/calldron/${CONNECTION}/12` },
      { text: "+79990001122" },
    ]);
  });

  it("a kept list pushed into a Calldron list names both, each linked to its own page", () => {
    const details = { connectionId: CONNECTION, listId: "12", listName: "Клиенты Calldron", fromContactList: LIST, count: 4 };
    expect(auditSubject({ action: "calldron.subscribers.added", target: "Мой список", details })).toEqual([
      { text: "Мой список", href: `/lists/app/${LIST}` },
      { text: "Клиенты Calldron", href: `/lists/calldron/${CONNECTION}/12` },
    ]);
    // Pushed before the Calldron list's name was recorded: its id, still linked to it (not the kept list's name).
    expect(auditSubject({ action: "calldron.subscribers.added", target: "Мой список", details: { ...details, listName: undefined } })).toEqual([
      { text: "Мой список", href: `/lists/app/${LIST}` },
      { text: "12", href: `/lists/calldron/${CONNECTION}/12` },
    ]);
  });

  it("a number removed from a Calldron list shows the list's name and the number, not the subscriber's id", () => {
    const details = { connectionId: CONNECTION, listId: "12", listName: "Клиенты", subscriberId: "987654", phone: "+79990001122", count: 1 };
    expect(auditSubject({ action: "calldron.subscriber.removed", target: "+79990001122", details })).toEqual([
      { text: "Клиенты", href: `/lists/calldron/${CONNECTION}/12` },
      { text: "+79990001122" },
    ]);
    // Calldron could not say the number before it went: the list, and the id.
    expect(auditSubject({ action: "calldron.subscriber.removed", target: "987654", details: { ...details, phone: undefined } })).toEqual([
      { text: "Клиенты", href: `/lists/calldron/${CONNECTION}/12` },
      { text: "987654" },
    ]);
    // Written before the names were recorded: the subscriber id, as it was.
    expect(auditSubject({ action: "calldron.subscriber.removed", target: "987654", details: { connectionId: CONNECTION, listId: "12", count: 1 } })).toEqual([{ text: "987654" }]);
  });

  it("a deleted Calldron list shows its recorded name, unlinked; an older entry its id", () => {
    expect(auditSubject({ action: "calldron.list.deleted", target: "Старый список", details: { connectionId: CONNECTION, listId: "12", listName: "Старый список" } })).toEqual([
      { text: "Старый список" },
    ]);
    expect(auditSubject({ action: "calldron.list.deleted", target: null, details: { connectionId: CONNECTION, listId: "12", count: 3 } })).toEqual([{ text: "12" }]);
  });

  it("a Calldron test call and a batch's creation show the batch by name, linked to it", () => {
    const details = { connectionId: CONNECTION, batchId: "34", batchName: "Акция", phone: "+79990001122", count: 1 };
    expect(auditSubject({ action: "calldron.batch.testCall", target: "34", details })).toEqual([{ text: "Акция", href: `/campaigns/calldron/${CONNECTION}/34` }]);
    expect(auditSubject({ action: "calldron.batch.testCall", target: "34", details: { batchId: "34" } })).toEqual([{ text: "34" }]);
    expect(auditSubject({ action: "calldron.batch.created", target: "Акция", details: { connectionId: CONNECTION, connection: "Main", batchId: "34" } })).toEqual([
      { text: "Акция", href: `/campaigns/calldron/${CONNECTION}/34` },
    ]);
    // Created before the connection's id was recorded: the name, unlinked.
    expect(auditSubject({ action: "calldron.batch.updated", target: "Акция", details: { connection: "Main", batchId: "34" } })).toEqual([{ text: "Акция" }]);
  });

  it("a number removed from a kept list shows the list's name, linked, and the number, not the entry's id", () => {
    const details = { listId: LIST, listName: "Мой список", entryId: TASK, phone: "+79990001122", count: 1 };
    expect(auditSubject({ action: "contact_list.number_removed", target: "+79990001122", details })).toEqual([
      { text: "Мой список", href: `/lists/app/${LIST}` },
      { text: "+79990001122" },
    ]);
    expect(auditSubject({ action: "contact_list.number_removed", target: TASK, details: { listId: LIST, count: 1 } })).toEqual([{ text: TASK }]);
  });

  it("an Obzvonilka contact shows its base and its name, each linked; an older entry its id, linked to the contact", () => {
    const details = { connectionId: CONNECTION, baseId: 7, baseName: "База Москва", contactName: "Иванов Иван", fields: ["name"] };
    expect(auditSubject({ action: "obzvonilka.contact.created", target: "42", details })).toEqual([
      { text: "База Москва", href: `/lists/obzvonilka/${CONNECTION}/7` },
      { text: "Иванов Иван", href: `/lists/obzvonilka/${CONNECTION}/7/contacts/42` },
    ]);
    expect(auditSubject({ action: "obzvonilka.contact.updated", target: "42", details: { connectionId: CONNECTION, baseId: 7, fields: ["phone"] } })).toEqual([
      { text: "42", href: `/lists/obzvonilka/${CONNECTION}/7/contacts/42` },
    ]);
    // A contact without a name: its id, under the base's name.
    expect(auditSubject({ action: "obzvonilka.contact.updated", target: "42", details: { ...details, contactName: "" } })).toEqual([
      { text: "База Москва", href: `/lists/obzvonilka/${CONNECTION}/7` },
      { text: "42", href: `/lists/obzvonilka/${CONNECTION}/7/contacts/42` },
    ]);
    expect(auditSubject({ action: "obzvonilka.contact.created", target: "42", details: { ...details, connectionId: "../x" } })).toEqual([{ text: "База Москва" }, { text: "Иванов Иван" }]);
  });

  it("other entries show their target as text, or nothing", () => {
    expect(auditSubject({ action: "user.created", target: "a@b.c", details: { role: "manager" } })).toEqual([{ text: "a@b.c" }]);
    expect(auditSubject({ action: "calldron.list.deleted", target: null, details: {} })).toEqual([]);
  });
});
