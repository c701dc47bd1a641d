ALTER TABLE "consultations" ADD COLUMN "agenda" text;--> statement-breakpoint
CREATE INDEX "jobs_pending_key_prefix_idx" ON "jobs" USING btree ("dedupe_key" text_pattern_ops) WHERE "jobs"."status" = 'pending';--> statement-breakpoint
COMMENT ON COLUMN consultations.agenda IS 'What the parties are asked to decide; sent with the invitation';