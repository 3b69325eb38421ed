CREATE TABLE "org_settings" (
	"id" text PRIMARY KEY DEFAULT 'org' NOT NULL,
	"calling_window_from" text DEFAULT '09:00' NOT NULL,
	"calling_window_to" text DEFAULT '20:00' NOT NULL,
	"manager_launch_limit" integer DEFAULT 5000 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "test_phone" text;--> statement-breakpoint
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;