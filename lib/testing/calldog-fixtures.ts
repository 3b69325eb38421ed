import { randomUUID } from "node:crypto";
import { sealApiKey } from "@/lib/crypto/connection-key";
import { insertConnection } from "@/lib/db/queries/connections";
import { insertUser } from "@/lib/db/queries/users";
import { DEMO_KEY } from "@/lib/sim/calldog/test-kit";

/** A manager in the test database, in the shape an action's mocked `currentUser` hands out. */
export async function insertTestManager(name = "Marina") {
  const user = await insertUser({ user: { email: "manager@x.test", name, passwordHash: "h", role: "manager" } });
  return { id: user.id, email: user.email, name: user.name, role: "manager" as const, locale: null, mustChangePassword: false };
}

/** A Calldog connection to the simulator's demo account (its key sealed as the app stores it); returns its id. */
export async function insertCalldogSimConnection(baseUrl: string): Promise<string> {
  const id = randomUUID();
  await insertConnection({ connection: { id, name: "Calldog sim", provider: "calldog", baseUrl, ...sealApiKey(id, DEMO_KEY) } });
  return id;
}
