import { describe, expect, it } from "vitest";
import { auditSubject } from "@/lib/audit-subject";

const CAMPAIGN = "3f2b8c1e-0a4d-4e5f-9b6a-1c2d3e4f5a6b";
const CONNECTION = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const TASK = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";

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

  it("other entries show their target as text, or nothing", () => {
    expect(auditSubject({ action: "user.created", target: "a@b.c", details: { role: "manager" } })).toEqual([{ text: "a@b.c" }]);
    expect(auditSubject({ action: "calldron.list.deleted", target: null, details: {} })).toEqual([]);
  });
});
