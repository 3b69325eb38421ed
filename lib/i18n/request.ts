import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sessionUser } from "@/lib/auth/current-user";
import { databaseOutage } from "@/lib/db/outage";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/i18n/time-zones";

/**
 * The language: the user's choice (a cookie set at sign-in and by the switch), then the browser, then
 * Russian. The time zone every date is shown in: the signed-in user's, else Moscow.
 */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale);
  // Read for every page, the root layout's too: an outage here would leave no error page to say so. The page's own
  // `requireUser()` meets it again, below the error page.
  const zone = (
    await sessionUser().catch((error: unknown) => {
      if (databaseOutage(error)) return null;
      throw error;
    })
  )?.timeZone;
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
  };
});
