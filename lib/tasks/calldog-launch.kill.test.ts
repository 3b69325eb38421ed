import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CampaignSettings } from "@/lib/calldog/campaign-settings";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { closeDb, getDb } from "@/lib/db/client";
import { findCampaign, insertDraftCampaign } from "@/lib/db/queries/campaign-launch";
import { insertConnection } from "@/lib/db/queries/connections";
import { findTask, listTaskItems } from "@/lib/db/queries/tasks";
import { toCalldogPhone } from "@/lib/providers/phone";
import { DEMO_CALLER, DEMO_KEY, type Kit, startKit } from "@/lib/sim/calldog/test-kit";
import { launchCampaign } from "@/lib/tasks/start-calldog-launch";
import { setOrgPolicy, windowAround } from "@/lib/testing/dialing-policy";
import { setupTestDb } from "@/lib/testing/test-db";

// A real crash of a Calldog launch: the process running the `calldog.launch` task (scripts/run-task.mts, the
// runner a server's worker uses) is SIGKILLed while a create of 1,000 numbers is on its way to Calldog (which
// carries it out for nobody), then started again. The simulator's log must show every number created exactly once,
// and the task must end once, completed.
const testDb = setupTestDb();
const PHONES = Array.from({ length: 3_000 }, (_, i) => `+7916${String(1_000_000 + i).padStart(7, "0")}`);
let kit: Kit;
const children: ChildProcess[] = [];

beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await kit.server.close();
});

function runner(taskId: string): ChildProcess {
  // Node itself with tsx as a loader (not the tsx wrapper), so that SIGKILL hits the process that runs the task.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/run-task.mts", taskId], {
    env: { ...process.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

const creates = () => kit.server.log.entries("calldog").filter((e) => e.method === "POST" && e.path === "/apiCalls/create");

/** Every number of a create the simulator carried out (answered 200, whether or not anyone was left to read it). */
const createdOnSim = () => creates().flatMap((e) => (e.status === 200 ? (e.phone ?? "").split(",").filter(Boolean) : []));

it("a launch killed with SIGKILL mid-create and started again creates every number exactly once and ends once", { timeout: 180_000 }, async () => {
  const { rows } = await testDb.handle.raw.query<{ id: string }>("insert into users (email, password_hash, role) values ($1, 'x', 'manager') returning id", [
    `kill-${randomUUID()}@x.test`,
  ]);
  const ownerId = rows[0]?.id as string;
  await setOrgPolicy(windowAround(new Date()));
  const connectionId = randomUUID();
  await insertConnection({ connection: { id: connectionId, name: "Calldog", provider: "calldog", baseUrl: kit.baseUrl, ...sealApiKey(connectionId, DEMO_KEY) } });
  const settings: CampaignSettings = {
    recipients: { source: "paste", text: "", listRef: "", listName: "", phones: PHONES, invalid: [], duplicates: 0, dnc: [] },
    callerId: { mode: "phone", phone: DEMO_CALLER },
    message: { kind: "tts", text: "Здравствуйте! Напоминаем о записи.", gender: "female", lang: "ru-RU" },
    menu: { handlers: [] },
    schedule: { mode: "now" },
    needRecording: false,
    reached: "review",
  };
  const launchKey = randomUUID();
  const campaign = await insertDraftCampaign({ connectionId, ownerId, name: "Kill test", launchKey, settings });
  const started = await launchCampaign({ campaignId: campaign.id, launchKey, ownerId });
  if (started.kind !== "started") throw new Error(`not launched: ${started.kind}`);
  const taskId = started.task.id;
  // Each create (1,000 numbers) takes a while, so that the kill lands while one is on its way.
  kit.server.faults.set("calldog", { latencyMs: 800, match: "apiCalls/create" });
  kit.server.log.reset("calldog");
  await closeDb();

  const first = runner(taskId);
  const firstExit = exited(first);
  // Killed once the second create has left: the first is answered, the second is carried out for a dead process.
  const deadline = Date.now() + 90_000;
  while (creates().length < 2) {
    expect(first.exitCode, "the first runner ended before the kill").toBeNull();
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 25));
  }
  first.kill("SIGKILL");
  await firstExit;
  // The simulator finishes the orphaned create: 2,000 numbers have calls, the third chunk was never sent.
  while (creates().some((e) => e.status === 0)) await new Promise((r) => setTimeout(r, 50));
  expect(createdOnSim()).toHaveLength(2_000);

  await getDb();
  const killed = await findTask({ id: taskId });
  expect(killed?.state).toBe("running");
  expect(killed?.finishedAt ?? null).toBeNull();
  await closeDb();

  kit.server.faults.reset("calldog");
  const second = runner(taskId);
  let output = "";
  second.stdout?.on("data", (d) => {
    output += String(d);
  });
  second.stderr?.on("data", (d) => {
    output += String(d);
  });
  expect(await exited(second), output).toBe(0);
  expect(output).toContain(`task ${taskId}: completed`);

  await getDb();
  const done = await findTask({ id: taskId });
  expect(done).toMatchObject({ state: "completed", total: PHONES.length, processed: PHONES.length });
  // The answered chunk was created, the orphaned one found by looking the calls up, the last one sent once.
  expect(done?.counts).toEqual({ created: 2_000, reconciled: 1_000 });
  const items = await listTaskItems({ taskId, limit: PHONES.length + 1 });
  expect(items.filter((i) => i.state !== "done")).toEqual([]);
  expect((await findCampaign({ id: campaign.id }))?.state).toBe("launched");

  const seen = new Map<string, number>();
  for (const p of createdOnSim()) seen.set(p, (seen.get(p) ?? 0) + 1);
  const odd = PHONES.map(toCalldogPhone).filter((p) => seen.get(p) !== 1);
  expect(odd).toEqual([]);
  expect(seen.size).toBe(PHONES.length);
  const { rows: calls } = await (await getDb()).raw.query<{ n: number; distinct: number }>(
    "select count(*)::int as n, count(distinct phone)::int as distinct from calls where campaign_id = $1",
    [campaign.id],
  );
  expect(calls[0]).toEqual({ n: PHONES.length, distinct: PHONES.length });
});
