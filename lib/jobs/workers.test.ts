import { describe, expect, it } from "vitest";
import { jobWorkersRefusal } from "@/lib/jobs/workers";

const pg = "postgres://postgres@127.0.0.1:5432/app";

describe("where the job workers may run", () => {
  it("refuses a web process without workers on the embedded database, with the reason and the way out", () => {
    const refusal = jobWorkersRefusal({ JOB_WORKERS: "off", DATABASE_URL: undefined, PGBOSS_DISABLED: false }, "web");
    expect(refusal).toMatch(/JOB_WORKERS=off needs PostgreSQL \(DATABASE_URL\)/);
    expect(refusal).toMatch(/PGlite\) is opened by one process only/);
  });

  it("refuses a worker process on the embedded database, or with the queue disabled", () => {
    expect(jobWorkersRefusal({ JOB_WORKERS: "inline", DATABASE_URL: undefined, PGBOSS_DISABLED: false }, "worker")).toMatch(/npm run worker needs PostgreSQL/);
    expect(jobWorkersRefusal({ JOB_WORKERS: "inline", DATABASE_URL: pg, PGBOSS_DISABLED: true }, "worker")).toMatch(/PGBOSS_DISABLED/);
  });

  it("refuses a webhook receiver process on the embedded database, and lets it start on PostgreSQL", () => {
    expect(jobWorkersRefusal({ JOB_WORKERS: "inline", DATABASE_URL: undefined, PGBOSS_DISABLED: false }, "webhooks")).toMatch(/npm run webhooks needs PostgreSQL/);
    expect(jobWorkersRefusal({ JOB_WORKERS: "off", DATABASE_URL: pg, PGBOSS_DISABLED: false }, "webhooks")).toBeUndefined();
  });

  it("lets the default (workers inline) start anywhere, and workers off or a worker process on PostgreSQL", () => {
    expect(jobWorkersRefusal({ JOB_WORKERS: "inline", DATABASE_URL: undefined, PGBOSS_DISABLED: false }, "web")).toBeUndefined();
    expect(jobWorkersRefusal({ JOB_WORKERS: "inline", DATABASE_URL: pg, PGBOSS_DISABLED: false }, "web")).toBeUndefined();
    expect(jobWorkersRefusal({ JOB_WORKERS: "off", DATABASE_URL: pg, PGBOSS_DISABLED: false }, "web")).toBeUndefined();
    expect(jobWorkersRefusal({ JOB_WORKERS: "inline", DATABASE_URL: pg, PGBOSS_DISABLED: false }, "worker")).toBeUndefined();
  });
});
