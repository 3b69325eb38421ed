import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { insertConnection } from "@/lib/db/queries/connections";
import { countUsers, insertUser } from "@/lib/db/queries/users";
import { DEMO_USERS } from "@/lib/demo/accounts";
import { env } from "@/lib/env";
import { CALLDOG_SIM_ACCOUNTS } from "@/lib/sim/calldog/simulator-accounts";
import { CALLDRON_SIM_ACCOUNTS } from "@/lib/sim/calldron/simulator-accounts";
import { OBZVONILKA_SIM_ACCOUNTS } from "@/lib/sim/obzvonilka/simulator-accounts";

/**
 * Demo mode only, on an empty database: the two demo users and one connection per provider pointing at
 * the simulators. A production start never runs this (it needs PROZVON_DEMO). True when it seeded.
 */
export async function seedDemo(): Promise<boolean> {
  if (!env().PROZVON_DEMO) return false;
  if ((await countUsers()) > 0) return false;
  for (const u of DEMO_USERS) {
    await insertUser({ user: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) } });
  }
  const sim = `http://127.0.0.1:${env().SIM_PORT}`;
  const demoConnections = [
    { name: "Calldron — демо", provider: "calldron", baseUrl: `${sim}/calldron/v1/`, key: CALLDRON_SIM_ACCOUNTS[0].key },
    { name: "Calldog — демо", provider: "calldog", baseUrl: `${sim}/calldog/`, key: CALLDOG_SIM_ACCOUNTS[0].key },
    { name: "Обзвонилка — демо", provider: "obzvonilka", baseUrl: `${sim}/obzvonilka/api/`, key: OBZVONILKA_SIM_ACCOUNTS[0].key },
  ] as const;
  for (const c of demoConnections) {
    const id = randomUUID();
    await insertConnection({
      connection: { id, name: c.name, provider: c.provider, baseUrl: c.baseUrl, ...sealApiKey(id, c.key) },
    });
  }
  console.info("[demo] seeded the demo users and one simulator connection per provider.");
  for (const u of DEMO_USERS) console.info(`[demo]   ${u.role.padEnd(8)} ${u.email} / ${u.password}`);
  return true;
}
