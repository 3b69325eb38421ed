import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sessionUser } from "@/lib/auth/current-user";
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
  const zone = (await sessionUser())?.timeZone;
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
  };
});
