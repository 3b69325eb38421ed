CREATE TYPE "public"."call_status" AS ENUM('queued', 'ringing', 'in_progress', 'answered', 'busy', 'no_answer', 'failed', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."campaign_state" AS ENUM('draft', 'launching', 'launched', 'partial', 'canceled');--> statement-breakpoint
CREATE TABLE "calldog_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"text" text,
	"voice_gender" text,
	"language" text,
	"audio_file_id" uuid,
	"duration_seconds" real,
	"moderation" text DEFAULT 'unknown' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "provider" NOT NULL,
	"connection_id" uuid NOT NULL,
	"campaign_id" uuid,
	"provider_call_id" text,
	"phone" text NOT NULL,
	"status" "call_status" DEFAULT 'queued' NOT NULL,
	"raw_status" text,
	"final" boolean DEFAULT false NOT NULL,
	"duration_seconds" integer,
	"dialed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ivr_answer" text,
	"ivr_action" text,
	"recording_ref" text,
	"raw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "provider" NOT NULL,
	"connection_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider_ref" text,
	"owner_id" uuid,
	"state" "campaign_state" DEFAULT 'draft' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"time_zone" text DEFAULT 'Europe/Moscow' NOT NULL,
	"launch_key" text,
	"launch_task_id" uuid,
	"planned_at" timestamp with time zone,
	"launched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_launch_key_unique" UNIQUE("launch_key")
);
--> statement-breakpoint
CREATE TABLE "ivr_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"menu" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"code" text,
	"outcome" text NOT NULL,
	"raw" jsonb,
	"requested_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "webhook_token" text;--> statement-breakpoint
ALTER TABLE "calldog_records" ADD CONSTRAINT "calldog_records_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calldog_records" ADD CONSTRAINT "calldog_records_audio_file_id_audio_files_id_fk" FOREIGN KEY ("audio_file_id") REFERENCES "public"."audio_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calldog_records" ADD CONSTRAINT "calldog_records_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivr_templates" ADD CONSTRAINT "ivr_templates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_verifications" ADD CONSTRAINT "phone_verifications_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_verifications" ADD CONSTRAINT "phone_verifications_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calldog_records_connection_record" ON "calldog_records" USING btree ("connection_id","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_connection_provider_call" ON "calls" USING btree ("connection_id","provider_call_id");--> statement-breakpoint
CREATE INDEX "calls_campaign_status" ON "calls" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "calls_created" ON "calls" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "calls_phone" ON "calls" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "campaigns_connection" ON "campaigns" USING btree ("connection_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_connection_ref" ON "campaigns" USING btree ("connection_id","provider_ref");--> statement-breakpoint
CREATE INDEX "phone_verifications_created" ON "phone_verifications" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_dedupe" ON "webhook_events" USING btree ("connection_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "webhook_events_unprocessed" ON "webhook_events" USING btree ("processed_at","received_at");--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_webhook_token_unique" UNIQUE("webhook_token");