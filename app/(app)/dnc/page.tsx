import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "@/components/areas/area-placeholder";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("dnc.title") };
}

export default async function DncPage() {
  await requireUser();
  return <AreaPlaceholder area="dnc" providers={["calldron", "calldog", "obzvonilka"]} />;
}
