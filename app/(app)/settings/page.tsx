import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";

export default async function SettingsIndex() {
  await requireUser("admin");
  redirect("/settings/users");
}
