/** Fixed keys so that the demo and the tests can connect; `account` ties each to its seeded organisation. */
export const OBZVONILKA_SIM_ACCOUNTS = [
  {
    account: "demo",
    key: "obz-demo-4f8a2c9e71b3d605",
    label: "Demo organisation «Ромашка»: 4 contact bases (one deleted), 7 users (one admin, two disabled)",
  },
  {
    account: "second",
    key: "obz-second-9d1e6b3a58c7f240",
    label: "Second organisation «ИП Васильев»: 1 contact base, 2 users",
  },
] as const;

export const OBZVONILKA_SIM_PREFIX = "/obzvonilka/api";
