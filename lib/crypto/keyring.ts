import { type Keyring, makeKeyring } from "@/lib/crypto/secret-box";
import { secrets } from "@/lib/secrets";

export function appKeyring(): Keyring {
  const s = secrets();
  return makeKeyring(s.encryptionKey, s.oldEncryptionKeys);
}
