// tsx --conditions=react-server scripts/run-task.mts <task id>
// Runs one background task to its end in this process, as a server's worker would after a start on PGlite
// (claims left by a process that is gone are released first). Used by the restart test of the import.
import { closeDb, getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { releaseAllClaims } from "@/lib/db/queries/tasks";
import { taskHandlers } from "@/lib/tasks/handlers";
import { runTask } from "@/lib/tasks/runner";

const taskId = process.argv[2];
if (!taskId) {
  console.error("Usage: tsx --conditions=react-server scripts/run-task.mts <task id>");
  process.exit(2);
}
await runMigrations(await getDb());
await releaseAllClaims();
const outcome = await runTask(taskId, { handlers: taskHandlers });
console.info(`task ${taskId}: ${outcome}`);
await closeDb();
