import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional().or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(".data"),
  APP_ENCRYPTION_KEY: z.string().optional(),
  APP_ENCRYPTION_OLD_KEYS: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  AUTH_TRUST_HOST: flag,
  PROZVON_DEMO: flag,
  APP_PUBLIC_URL: z.url().optional(),
  /**
   * Lets a connection's base URL point at this machine (127.0.0.0/8, ::1) outside development: the simulators
   * listen there, so the demo and the end-to-end run set it (scripts/serve.mts). Never for a real deployment.
   */
  ALLOW_LOOPBACK_PROVIDERS: flag,
  /** A proxy the operator controls is in front: the client's address is its X-Forwarded-For entry (lib/request-ip.ts). */
  TRUST_PROXY: flag,
  /** Set by scripts/start.mjs in its own process, never by an operator: the socket-address header is genuine. */
  PROZVON_SOCKET_ADDRESS: flag,
  SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  /** Simulated seconds per real second in `npm run sim` (the demo uses e.g. 30). */
  SIM_TIME_SCALE: z.coerce.number().positive().default(1),
  SIM_SEED: z.coerce.number().int().default(42),
  PGBOSS_DISABLED: flag,
  /**
   * Where the job workers (tasks, webhook apply, provider syncs) run: `inline` in this process (the default, and the
   * only choice on PGlite), `off` to only send jobs, worked by `npm run worker` processes (PostgreSQL only).
   */
  JOB_WORKERS: z
    .enum(["inline", "off", ""])
    .default("inline")
    .transform((v) => v || "inline"),
  /** When every Calldron connection's calls are synced into the calls table (a pg-boss cron, minutes at the finest); `off` for never. */
  CALLDRON_SYNC_CRON: z
    .string()
    .regex(/^(off|\S+( \S+){4})$/)
    .default("*/10 * * * *"),
  /** Opens /api/bench/echo, the webhook benchmark's ceiling. For `npm run bench:webhooks` only, never in production. */
  BENCH_ROUTES: flag,
  /**
   * Opens the end-to-end suite's fixtures: /api/e2e/… (a Calldog campaign made of calls created on the simulator)
   * and /api/testing/… (the overview's seeded data). Set by `scripts/serve.mts --e2e` only, never in production or the demo.
   */
  E2E_FIXTURES: flag,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Every environment variable the app reads, parsed once. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Demo and development may generate their own secrets; a production start may not. */
export function mayGenerateSecrets(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" || e.PROZVON_DEMO;
}
