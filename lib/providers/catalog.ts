import type { Provider } from "@/lib/db/schema";

export const PROVIDERS = ["calldron", "calldog", "obzvonilka"] as const satisfies readonly Provider[];

/** The real services' base URLs, the default of a new connection; the demo points connections at the simulators. */
export const DEFAULT_BASE_URLS: Record<Provider, string> = {
  calldron: "https://api.calldron.ru/v1/",
  calldog: "https://lk.calldog.ru/",
  obzvonilka: "https://obzvonilka.ru/api/",
};

export const PROVIDER_LABELS: Record<Provider, string> = {
  calldron: "Calldron",
  calldog: "Calldog",
  obzvonilka: "Obzvonilka",
};
