DROP INDEX "calls_campaign_status";--> statement-breakpoint
CREATE INDEX "calls_campaign_figures" ON "calls" USING btree ("campaign_id","status","final","duration_seconds","ivr_answer");