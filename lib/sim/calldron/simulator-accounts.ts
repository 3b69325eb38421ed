/** Fixed demo accounts; the first holds the demo data. Keys look like real 32-character Calldron keys. */
export const CALLDRON_SIM_ACCOUNTS = [
  { name: "demo", key: "cdDemoXsVGbrnM6aosxGIJUmwQIPI1lT", label: "Calldron demo account (lists, finished batches with recordings)" },
  { name: "second", key: "cdSecondoJ3lP9TzitdJjSXuja2jq7hB", label: "Calldron second account (a little data of its own)" },
] as const;

export const CALLDRON_SIM_PREFIX = "/calldron/v1";
