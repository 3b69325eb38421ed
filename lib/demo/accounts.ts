/** The demo's sign-in accounts: created only when PROZVON_DEMO is on, and shown on its sign-in page. */
export const DEMO_USERS = [
  { email: "admin@example.com", password: "demo-admin-pass", role: "admin", name: "Анна Администратор" },
  { email: "manager@example.com", password: "demo-manager-pass", role: "manager", name: "Михаил Менеджер" },
] as const;
