import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

/** The user's choice (a cookie set at sign-in and by the switch), then the browser, then Russian. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale);
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: "Europe/Moscow",
  };
});
