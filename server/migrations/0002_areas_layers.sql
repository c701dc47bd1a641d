CREATE TABLE "area_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"import_id" uuid,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"code_prop" text NOT NULL,
	"name_prop" text NOT NULL,
	"crs" text DEFAULT 'wgs84' NOT NULL,
	"strict" boolean DEFAULT false NOT NULL,
	"file_digest" text NOT NULL,
	"feature_count" integer NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"warnings" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"phone_enc" text,
	"team_role" text NOT NULL,
	"duty" text,
	"substitute_id" uuid,
	"active_from" date,
	"active_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_district_grids" (
	"area_id" uuid PRIMARY KEY NOT NULL,
	"police_district_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_district_officers" (
	"police_district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'community_police' NOT NULL,
	CONSTRAINT "police_district_officers_police_district_id_user_id_pk" PRIMARY KEY("police_district_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "police_districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb,
	"station_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unassigned_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"address" text,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_area_id" uuid,
	"resolved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "warnings" jsonb;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "area_changes" ADD CONSTRAINT "area_changes_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_changes" ADD CONSTRAINT "area_changes_import_id_area_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."area_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_changes" ADD CONSTRAINT "area_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_imports" ADD CONSTRAINT "area_imports_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_imports" ADD CONSTRAINT "area_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_team_members" ADD CONSTRAINT "grid_team_members_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_team_members" ADD CONSTRAINT "grid_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_district_grids" ADD CONSTRAINT "police_district_grids_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_district_grids" ADD CONSTRAINT "police_district_grids_police_district_id_police_districts_id_fk" FOREIGN KEY ("police_district_id") REFERENCES "public"."police_districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_district_officers" ADD CONSTRAINT "police_district_officers_police_district_id_police_districts_id_fk" FOREIGN KEY ("police_district_id") REFERENCES "public"."police_districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_district_officers" ADD CONSTRAINT "police_district_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_districts" ADD CONSTRAINT "police_districts_station_id_departments_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unassigned_locations" ADD CONSTRAINT "unassigned_locations_resolved_area_id_areas_id_fk" FOREIGN KEY ("resolved_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unassigned_locations" ADD CONSTRAINT "unassigned_locations_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_changes_area_idx" ON "area_changes" USING btree ("area_id","at");--> statement-breakpoint
CREATE INDEX "grid_team_area_idx" ON "grid_team_members" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "police_districts_code_uq" ON "police_districts" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "unassigned_source_uq" ON "unassigned_locations" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "unassigned_open_idx" ON "unassigned_locations" USING btree ("created_at") WHERE "unassigned_locations"."resolved_at" is null;--> statement-breakpoint
COMMENT ON COLUMN areas.warnings IS 'Problems found at import (self-intersection, overlap with a sibling, outside the parent), shown to administrators';
--> statement-breakpoint
COMMENT ON TABLE area_imports IS 'GeoJSON imports of areas; file_digest makes a repeated import of the same file recognisable';
--> statement-breakpoint
COMMENT ON TABLE area_changes IS 'Append-only history of each area: created, imported, renamed, moved, split, merged, redrawn';
--> statement-breakpoint
COMMENT ON TABLE unassigned_locations IS 'Records whose location fell outside every area, queued for a dispatcher to assign; never dropped';
--> statement-breakpoint
COMMENT ON TABLE police_districts IS 'Police districts (警务区), a layer of their own over the grids';
--> statement-breakpoint
COMMENT ON TABLE police_district_grids IS 'Which police district each grid belongs to (警网融合)';
--> statement-breakpoint
COMMENT ON TABLE grid_team_members IS 'Each grid''s "1+3+N" team; phone_enc is encrypted with the field key';
