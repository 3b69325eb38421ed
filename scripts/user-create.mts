// npm run user:create -- --email someone@example.com --role manager [--name "Имя"]
// Prints a temporary password once; the user is asked to change it at first sign-in.
import { parseArgs } from "node:util";
import { z } from "zod";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { closeDb, getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { recordAudit } from "@/lib/db/queries/audit";
import { findUserByEmail, insertUser } from "@/lib/db/queries/users";

const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
const parsed = z
  .object({ email: z.email(), role: z.enum(["admin", "manager"]), name: z.string().default("") })
  .safeParse(values);
if (!parsed.success) {
  console.error("Usage: npm run user:create -- --email someone@example.com --role admin|manager [--name \"Name\"]");
  process.exit(2);
}
await runMigrations(await getDb());
if (await findUserByEmail({ email: parsed.data.email })) {
  console.error(`A user with the e-mail ${parsed.data.email} already exists.`);
  await closeDb();
  process.exit(1);
}
const password = generatePassword();
const user = await insertUser({
  user: { ...parsed.data, passwordHash: await hashPassword(password), mustChangePassword: true },
});
await recordAudit({ action: "user.created", target: user.email, ip: "cli", details: { role: user.role, via: "user:create" } });
console.info(`Created ${user.role} ${user.email}. Temporary password (shown once): ${password}`);
await closeDb();
