CREATE TABLE "calldron_test_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"batch_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"call_id" text,
	"status" text DEFAULT 'fresh' NOT NULL,
	"final" boolean DEFAULT false NOT NULL,
	"has_recording" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calldron_test_calls" ADD CONSTRAINT "calldron_test_calls_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calldron_test_calls" ADD CONSTRAINT "calldron_test_calls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calldron_test_calls_batch_user" ON "calldron_test_calls" USING btree ("connection_id","batch_id","user_id","created_at");