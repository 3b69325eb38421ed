import { getTranslations } from "next-intl/server";
import { AccountInfo } from "@/components/calldog/account-info";
import { CalldogFailureNotice } from "@/components/calldog/calldog-failure-notice";
import { LanguagesList } from "@/components/calldog/languages-list";
import { OutgoingPhonesTable } from "@/components/calldog/outgoing-phones-table";
import { readCalldog } from "@/lib/calldog/account-read";
import type { Connection } from "@/lib/db/schema";

/** Each section reads on its own, inside its own Suspense boundary: a slow or failing call holds up only its card. */

export async function AccountInfoSection({ connection }: { connection: Connection }) {
  const read = await readCalldog(connection, (client) => client.userInfo());
  return read.ok ? <AccountInfo info={read.data} /> : <CalldogFailureNotice failure={read.failure} />;
}

export async function OutgoingPhonesSection({ connection, all }: { connection: Connection; all: boolean }) {
  const read = await readCalldog(connection, (client) => client.getPhones({ all }));
  return read.ok ? <OutgoingPhonesTable phones={read.data} all={all} /> : <CalldogFailureNotice failure={read.failure} />;
}

export async function LanguagesSection({ connection }: { connection: Connection }) {
  const read = await readCalldog(connection, (client) => client.getAvailableLanguages());
  return read.ok ? <LanguagesList codes={read.data} /> : <CalldogFailureNotice failure={read.failure} />;
}

export async function SectionLoading() {
  const t = await getTranslations("calldogAccount");
  return (
    <p className="animate-pulse text-sm text-slate-500" aria-busy="true">
      {t("loading")}
    </p>
  );
}
