CREATE TYPE "public"."call_sync_state" AS ENUM('idle', 'queued', 'running', 'failed');--> statement-breakpoint
CREATE TABLE "call_syncs" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"provider" "provider" NOT NULL,
	"state" "call_sync_state" DEFAULT 'idle' NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"batches_total" integer DEFAULT 0 NOT NULL,
	"batches_done" integer DEFAULT 0 NOT NULL,
	"pages_read" integer DEFAULT 0 NOT NULL,
	"calls_changed" integer DEFAULT 0 NOT NULL,
	"error_kind" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calldron_sync_cursors" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"per_page" integer NOT NULL,
	"start_page" integer DEFAULT 1 NOT NULL,
	"next_page" integer,
	"first_open_page" integer,
	"last_pass_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "at" timestamp with time zone GENERATED ALWAYS AS (coalesce(dialed_at, created_at)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "call_syncs" ADD CONSTRAINT "call_syncs_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calldron_sync_cursors" ADD CONSTRAINT "calldron_sync_cursors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calldron_sync_cursors" ADD CONSTRAINT "calldron_sync_cursors_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_at" ON "calls" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "calls_provider_at" ON "calls" USING btree ("provider","at","id");--> statement-breakpoint
CREATE INDEX "calls_status_at" ON "calls" USING btree ("status","at","id");--> statement-breakpoint
CREATE INDEX "calls_campaign_at" ON "calls" USING btree ("campaign_id","at","id");--> statement-breakpoint
CREATE INDEX "calls_connection_at" ON "calls" USING btree ("connection_id","at","id");--> statement-breakpoint
CREATE INDEX "calls_duration" ON "calls" USING btree (coalesce("duration_seconds", 0),"id");--> statement-breakpoint
CREATE INDEX "calls_campaign_status_at" ON "calls" USING btree ("campaign_id","status","at","id");--> statement-breakpoint
CREATE INDEX "calls_phone_reverse" ON "calls" USING btree (reverse("phone") text_pattern_ops);