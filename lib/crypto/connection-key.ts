import { appKeyring } from "@/lib/crypto/keyring";
import { open, seal } from "@/lib/crypto/secret-box";
import type { Connection } from "@/lib/db/schema";

export const apiKeyContext = (connectionId: string) => `connection:${connectionId}:api_key`;
const context = apiKeyContext;

export function sealApiKey(connectionId: string, apiKey: string): { apiKeySealed: string; apiKeyLast4: string } {
  return { apiKeySealed: seal(apiKey, appKeyring(), context(connectionId)), apiKeyLast4: apiKey.slice(-4) };
}

export function openApiKey(connection: Pick<Connection, "id" | "apiKeySealed">): string {
  return open(connection.apiKeySealed, appKeyring(), context(connection.id));
}
