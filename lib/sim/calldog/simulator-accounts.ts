/** The simulator's fixed accounts; the first is the demo account. Keys are fake and only valid on the simulator. */
export const CALLDOG_SIM_ACCOUNTS = [
  {
    id: 1,
    key: "cdg_demo_4f1c9a7e2b8d6035e1a4c7b9",
    name: "ООО «Ромашка» (демо)",
    label: "demo: moderation lifted, confirmed caller ids, 1 500 ₽ (demo data when enabled)",
    moderation: false,
    balanceKopecks: 150_000,
    phones: [
      { phone: "74951234567", confirmed: true, duty: true },
      { phone: "78123334455", confirmed: true, duty: true },
      { phone: "74997001122", confirmed: false, duty: false },
    ],
  },
  {
    id: 2,
    key: "cdg_moder_8b2e5d1f7a3c9064b2d8e1f5",
    name: "ИП Соколова А. В.",
    label: "moderation ON for the account: calls stay created until approved",
    moderation: true,
    balanceKopecks: 20_000,
    phones: [{ phone: "74950001122", confirmed: true, duty: true }],
  },
  {
    id: 3,
    key: "cdg_empty_3d7a1e9c5b2f8046d3a9e2c6",
    name: "ООО «Пустой счёт»",
    label: "moderation lifted, balance 0.20 ₽ (text-to-speech refused), no duty numbers",
    moderation: false,
    balanceKopecks: 20,
    phones: [{ phone: "74952223344", confirmed: true, duty: false }],
  },
] as const;

export const CALLDOG_LANGUAGES = ["ru-RU", "en-US", "de-DE", "kk-KZ", "uz-UZ", "tr-TR"];
