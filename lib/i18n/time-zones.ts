/** Dates are shown in the user's own IANA zone; Moscow for anyone who has not chosen one. */
export const DEFAULT_TIME_ZONE = "Europe/Moscow";

/** Russia's zones, offered first: most users of a Russian call centre live in one of them. */
const RUSSIAN_ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
];

let known: Set<string> | undefined;

export function allTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function isTimeZone(value: unknown): value is string {
  known ??= new Set(allTimeZones());
  return typeof value === "string" && known.has(value);
}

export type TimeZoneOption = { value: string; label: string; group: "russia" | "world" };

const optionsCache = new Map<string, { hour: number; options: TimeZoneOption[] }>();

/**
 * Every zone with its current UTC offset and its name in the user's language, Russia's first, then by offset.
 * Made once per language and hour: it takes two `Intl.DateTimeFormat`s per zone (~840, most of the Profile page's
 * time when made per request), and an offset changes only at a daylight-saving transition, which this shows
 * within the hour.
 */
export function timeZoneOptions(locale: string, now = new Date()): TimeZoneOption[] {
  const hour = Math.floor(now.getTime() / 3_600_000);
  const cached = optionsCache.get(locale);
  if (cached?.hour === hour) return cached.options;
  const options = describeTimeZones(locale, now);
  optionsCache.set(locale, { hour, options });
  return options;
}

function describeTimeZones(locale: string, now: Date): TimeZoneOption[] {
  const describe = (zone: string) => {
    const part = (style: "longOffset" | "longGeneric") =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(now).find((p) => p.type === "timeZoneName")?.value ?? "";
    const offset = part("longOffset").replace("GMT", "UTC").replace(/^UTC$/, "UTC+00:00");
    return { zone, offset, label: `(${offset}) ${zone.replaceAll("_", " ")} — ${part("longGeneric")}`, minutes: offsetMinutes(offset) };
  };
  const russian = RUSSIAN_ZONES.filter(isTimeZone).map(describe);
  const world = allTimeZones()
    .filter((z) => !RUSSIAN_ZONES.includes(z))
    .map(describe)
    .sort((a, b) => a.minutes - b.minutes || a.zone.localeCompare(b.zone));
  return [
    ...russian.map((d) => ({ value: d.zone, label: d.label, group: "russia" as const })),
    ...world.map((d) => ({ value: d.zone, label: d.label, group: "world" as const })),
  ];
}

function offsetMinutes(offset: string): number {
  const match = /([+-])(\d{2}):(\d{2})/.exec(offset);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
