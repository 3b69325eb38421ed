import { createHash, } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  addExistingCalldogRecord,
  createCalldogRecordFromFile,
  createCalldogRecordFromText,
  listCalldogLanguages,
  removeCalldogRecord,
} from "@/lib/actions/calldog-records";
import { insertAudioFile } from "@/lib/db/queries/audio";
import { listAudit } from "@/lib/db/queries/audit";
import { listCalldogRecords } from "@/lib/db/queries/calldog-records";
import { makeWav } from "@/lib/sim/audio";
import { type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { insertCalldogSimConnection, insertTestManager } from "@/lib/testing/calldog-fixtures";
import { setupTestDb } from "@/lib/testing/test-db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.1.2.3" }) }));

setupTestDb();
let kit: Kit;
let connectionId: string;

beforeAll(async () => {
  kit = await startKit();
  session.user = await insertTestManager("Marina");
  connectionId = await insertCalldogSimConnection(kit.baseUrl);
});
afterAll(async () => {
  await kit.server.close();
});
beforeEach(() => {
  kit.server.log.reset("calldog");
  kit.server.faults.reset("calldog");
});

const creates = () => kit.server.log.entries("calldog").filter((e) => e.path.includes("createRecord"));
const removes = () => kit.server.log.entries("calldog").filter((e) => e.path.includes("removeRecord"));

async function storedWav(seconds: number) {
  const data = makeWav(seconds, 7);
  const sha256 = createHash("sha256").update(data).digest("hex");
  return insertAudioFile({ file: { name: "hello.wav", format: "wav", sizeBytes: data.length, durationSeconds: seconds, sha256, purpose: "calldog-record", data, createdById: session.user?.id } });
}

describe("Calldog audio library actions", () => {
  it("sends a stored wav as a file record, keeps it in the registry with its duration and state, and audits it", async () => {
    const file = await storedWav(1.5);
    const result = await createCalldogRecordFromFile({ connectionId, name: "Приветствие", audioFileId: file.id });
    expect(result).toMatchObject({ ok: true, data: { outcome: "done" } });
    expect(creates()).toHaveLength(1);
    const row = (await listCalldogRecords()).find((r) => r.name === "Приветствие");
    expect(row).toMatchObject({ source: "file", audioFileId: file.id, durationSeconds: 1.5, createdByName: "Marina", connectionId });
    expect(["approved", "pending"]).toContain(row?.moderation);
    const [audit] = await listAudit({ limit: 1 });
    expect(audit).toMatchObject({ action: "calldog_record.created", target: "Приветствие", actorEmail: "manager@x.test" });
  });

  it("creates a text record with voice and language kept in the registry; over 1024 characters nothing is sent", async () => {
    const languages = await listCalldogLanguages({ connectionId });
    expect(languages.ok && languages.data).toContain("ru-RU");
    const ok = await createCalldogRecordFromText({ connectionId, name: "Опрос", text: "Добрый день! Нажмите 1.", voiceGender: "male", language: "ru-RU" });
    expect(ok).toMatchObject({ ok: true, data: { outcome: "done" } });
    expect((await listCalldogRecords()).find((r) => r.name === "Опрос")).toMatchObject({ source: "text", text: "Добрый день! Нажмите 1." });
    kit.server.log.reset("calldog");
    const tooLong = await createCalldogRecordFromText({ connectionId, name: "Длинный", text: "а".repeat(1025), voiceGender: "female", language: "ru-RU" });
    expect(tooLong).toMatchObject({ ok: false, code: "invalid" });
    expect(creates()).toHaveLength(0);
  });

  it("a create whose answer is lost is reported as unknown, sent once, and not added", async () => {
    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [500] });
    const result = await createCalldogRecordFromText({ connectionId, name: "Потерянная", text: "Текст", voiceGender: "female", language: "ru-RU" });
    expect(result).toMatchObject({ ok: true, data: { outcome: "unknown" } });
    expect(creates()).toHaveLength(1);
    expect((await listCalldogRecords()).some((r) => r.name === "Потерянная")).toBe(false);
  });

  it("adds an existing record by id once, and refuses it a second time", async () => {
    expect(await addExistingCalldogRecord({ connectionId, name: "Из кабинета", recordId: "987" })).toMatchObject({ ok: true });
    expect(await addExistingCalldogRecord({ connectionId, name: "Снова", recordId: "987" })).toMatchObject({ ok: false });
    expect(await addExistingCalldogRecord({ connectionId, name: "Плохой", recordId: "abc" })).toMatchObject({ ok: false, code: "invalid" });
    expect(kit.server.log.entries("calldog")).toHaveLength(0);
  });

  it("deletes in Calldog then from the registry; a lost answer keeps the row and is not retried", async () => {
    const file = await storedWav(0.5);
    await createCalldogRecordFromFile({ connectionId, name: "Удалить", audioFileId: file.id });
    const row = (await listCalldogRecords()).find((r) => r.name === "Удалить");
    if (!row) throw new Error("record not created");

    kit.server.faults.set("calldog", { errorRate: 1, errorStatuses: [500] });
    kit.server.log.reset("calldog");
    expect(await removeCalldogRecord({ id: row.id })).toMatchObject({ ok: true, data: { outcome: "unknown" } });
    expect((await listCalldogRecords()).some((r) => r.id === row.id)).toBe(true);

    kit.server.faults.reset("calldog");
    kit.server.log.reset("calldog");
    expect(await removeCalldogRecord({ id: row.id })).toMatchObject({ ok: true, data: { outcome: "done" } });
    expect(removes()).toHaveLength(1);
    expect((await listCalldogRecords()).some((r) => r.id === row.id)).toBe(false);
    const [audit] = await listAudit({ limit: 1 });
    expect(audit).toMatchObject({ action: "calldog_record.deleted", target: "Удалить" });
  });
});
