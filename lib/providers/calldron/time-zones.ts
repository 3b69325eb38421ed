/**
 * The time zones a Calldron batch takes. Calldron is a Rails service and names zones the Rails way
 * (`Moscow`, not `Europe/Moscow`); the list is Russia's zones and UTC, each with its IANA zone and its
 * UTC offset (Russia keeps no daylight-saving time). One place to change when the service takes more.
 */
export const CALLDRON_TIME_ZONES = [
  { rails: "Kaliningrad", iana: "Europe/Kaliningrad", offsetHours: 2, ru: "Калининград" },
  { rails: "Moscow", iana: "Europe/Moscow", offsetHours: 3, ru: "Москва" },
  { rails: "Volgograd", iana: "Europe/Volgograd", offsetHours: 3, ru: "Волгоград" },
  { rails: "Samara", iana: "Europe/Samara", offsetHours: 4, ru: "Самара" },
  { rails: "Ekaterinburg", iana: "Asia/Yekaterinburg", offsetHours: 5, ru: "Екатеринбург" },
  { rails: "Omsk", iana: "Asia/Omsk", offsetHours: 6, ru: "Омск" },
  { rails: "Novosibirsk", iana: "Asia/Novosibirsk", offsetHours: 7, ru: "Новосибирск" },
  { rails: "Krasnoyarsk", iana: "Asia/Krasnoyarsk", offsetHours: 7, ru: "Красноярск" },
  { rails: "Irkutsk", iana: "Asia/Irkutsk", offsetHours: 8, ru: "Иркутск" },
  { rails: "Yakutsk", iana: "Asia/Yakutsk", offsetHours: 9, ru: "Якутск" },
  { rails: "Vladivostok", iana: "Asia/Vladivostok", offsetHours: 10, ru: "Владивосток" },
  { rails: "Magadan", iana: "Asia/Magadan", offsetHours: 11, ru: "Магадан" },
  { rails: "Srednekolymsk", iana: "Asia/Srednekolymsk", offsetHours: 11, ru: "Среднеколымск" },
  { rails: "Kamchatka", iana: "Asia/Kamchatka", offsetHours: 12, ru: "Камчатка" },
  { rails: "UTC", iana: "Etc/UTC", offsetHours: 0, ru: "UTC" },
] as const;

export type CalldronTimeZone = (typeof CALLDRON_TIME_ZONES)[number];

export const DEFAULT_CALLDRON_TIME_ZONE = "Moscow";

/** The Rails name for what a user typed or picked: the Rails name, the Russian name or the IANA zone, any case. */
export function findCalldronTimeZone(value: string): CalldronTimeZone | undefined {
  const wanted = value.trim().toLowerCase();
  return CALLDRON_TIME_ZONES.find((z) => z.rails.toLowerCase() === wanted || z.ru.toLowerCase() === wanted || z.iana.toLowerCase() === wanted);
}

export function utcOffsetLabel(hours: number): string {
  return hours === 0 ? "UTC" : `UTC${hours > 0 ? "+" : "−"}${Math.abs(hours)}`;
}
