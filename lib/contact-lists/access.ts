import type { ContactList, User } from "@/lib/db/schema";

/** Who may rename or delete a kept list and change its numbers: its owner, or an admin. Anyone may read and use it. */
export function mayChangeContactList(list: Pick<ContactList, "ownerId">, user: Pick<User, "id" | "role">): boolean {
  return user.role === "admin" || (list.ownerId !== null && list.ownerId === user.id);
}
