// npm run db:migrate — applies drizzle/ migrations to PostgreSQL (DATABASE_URL) or the embedded PGlite.
import { closeDb, getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";

const handle = await getDb();
await runMigrations(handle);
console.info(`Migrations applied (${handle.raw.kind}).`);
await closeDb();
