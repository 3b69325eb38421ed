import { randomInt } from "node:crypto";
import { bcryptInThread } from "@/lib/auth/bcrypt-pool";

export const BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcryptInThread({ op: "hash", password, cost: BCRYPT_COST });
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcryptInThread({ op: "compare", password, hash });
}

// A dummy hash so that an unknown email costs as much time as a wrong password.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5s0Ue4LE0SJqlXb/YlSTDSaIcx08XG.";
export async function burnPasswordCheck(password: string): Promise<void> {
  await bcryptInThread({ op: "compare", password, hash: DUMMY_HASH });
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A temporary password, shown once: 16 characters without look-alikes. */
export function generatePassword(length = 16): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
