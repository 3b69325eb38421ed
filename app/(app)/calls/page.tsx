import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "@/components/areas/area-placeholder";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("calls.title") };
}

export default async function CallsPage() {
  await requireUser();
  return <AreaPlaceholder area="calls" providers={["calldron", "calldog"]} />;
}
