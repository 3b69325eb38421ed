import { headers } from "next/headers";

/** The client's address as the nearest proxy reports it; "local" when there is none (a direct connection). */
export async function requestIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "local";
}
