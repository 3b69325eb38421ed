CREATE TABLE "calldron_batch_intros" (
	"connection_id" uuid NOT NULL,
	"batch_id" text NOT NULL,
	"audio_file_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calldron_batch_intros_connection_id_batch_id_pk" PRIMARY KEY("connection_id","batch_id")
);
--> statement-breakpoint
ALTER TABLE "calldron_batch_intros" ADD CONSTRAINT "calldron_batch_intros_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calldron_batch_intros" ADD CONSTRAINT "calldron_batch_intros_audio_file_id_audio_files_id_fk" FOREIGN KEY ("audio_file_id") REFERENCES "public"."audio_files"("id") ON DELETE cascade ON UPDATE no action;