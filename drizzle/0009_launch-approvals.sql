CREATE TYPE "public"."launch_approval_state" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "launch_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"title" text NOT NULL,
	"connection_id" uuid,
	"count" integer NOT NULL,
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_by" uuid,
	"state" "launch_approval_state" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "launch_approvals" ADD CONSTRAINT "launch_approvals_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "launch_approvals" ADD CONSTRAINT "launch_approvals_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "launch_approvals" ADD CONSTRAINT "launch_approvals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "launch_approvals_pending_target" ON "launch_approvals" USING btree ("kind","target") WHERE "launch_approvals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "launch_approvals_state" ON "launch_approvals" USING btree ("state","created_at");