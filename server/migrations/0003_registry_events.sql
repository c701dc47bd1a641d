CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"floors" integer,
	"is_high_rise" boolean DEFAULT false NOT NULL,
	"star_rating" smallint,
	"rated_on" date,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_star_ck" CHECK ("buildings"."star_rating" is null or "buildings"."star_rating" between 1 and 5),
	CONSTRAINT "buildings_status_ck" CHECK ("buildings"."status" in ('active','deregistered','archived','purged'))
);
--> statement-breakpoint
CREATE TABLE "care_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"result" text,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"goal" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"start_on" date NOT NULL,
	"due_on" date,
	"outcome" text,
	"outcome_note" text,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "care_plans_status_ck" CHECK ("care_plans"."status" in ('active','closed'))
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"joined_on" date,
	"left_on" date
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"house_id" uuid,
	"address" text,
	"head_person_id" uuid,
	"note" text,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_status_ck" CHECK ("households"."status" in ('active','deregistered','archived','purged'))
);
--> statement-breakpoint
CREATE TABLE "houses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid,
	"address" text NOT NULL,
	"unit" text,
	"room" text,
	"lat" double precision,
	"lng" double precision,
	"owner_person_id" uuid,
	"landlord_person_id" uuid,
	"use" text DEFAULT 'residential' NOT NULL,
	"floor_area" double precision,
	"is_rented" boolean DEFAULT false NOT NULL,
	"is_group_rental" boolean DEFAULT false NOT NULL,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "houses_status_ck" CHECK ("houses"."status" in ('active','deregistered','archived','purged'))
);
--> statement-breakpoint
CREATE TABLE "key_person_grants" (
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_person_grants_user_id_category_pk" PRIMARY KEY("user_id","category")
);
--> statement-breakpoint
CREATE TABLE "key_person_helpers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_person_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"from_on" date,
	"to_on" date
);
--> statement-breakpoint
CREATE TABLE "key_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"attention_level" text DEFAULT '02' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_on" date,
	"ended_on" date,
	"termination" text,
	"visit_interval_days" integer DEFAULT 30 NOT NULL,
	"next_visit_on" date,
	"employed" boolean,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_persons_status_ck" CHECK ("key_persons"."status" in ('active','deregistered','archived','purged'))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"former_names" text[],
	"name_pinyin" text,
	"name_initials" text,
	"doc_type" text DEFAULT 'resident_id' NOT NULL,
	"id_enc" text,
	"id_index" text,
	"id_masked" text,
	"id_tail" text,
	"phone_enc" text,
	"phone_index" text,
	"phone_masked" text,
	"phone_tail" text,
	"sex" text,
	"birth_date" date,
	"ethnicity" text,
	"marital_status" text,
	"education" text,
	"political_status" text,
	"religion" text,
	"nationality" text DEFAULT 'CHN',
	"occupation" text,
	"workplace" text,
	"hukou_division" text,
	"hukou_address" text,
	"current_address" text,
	"house_id" uuid,
	"household_id" uuid,
	"resident_type" text DEFAULT 'registered' NOT NULL,
	"floating" jsonb,
	"permit_expires_on" date,
	"lives_alone" boolean DEFAULT false NOT NULL,
	"deregistered_reason" text,
	"deregistered_on" date,
	"purge_after" date,
	"extra" jsonb,
	"import_id" uuid,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_status_ck" CHECK ("persons"."status" in ('active','deregistered','archived','purged')),
	CONSTRAINT "persons_resident_type_ck" CHECK ("persons"."resident_type" in ('registered','floating','foreign'))
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"credit_code" text,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"building_id" uuid,
	"responsible_name" text,
	"responsible_phone_enc" text,
	"responsible_phone_masked" text,
	"safety_manager_person_id" uuid,
	"safety_manager_name" text,
	"safety_manager_phone_enc" text,
	"safety_manager_phone_masked" text,
	"colour" text,
	"colour_since" date,
	"employees" integer,
	"extra" jsonb,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "places_colour_ck" CHECK ("places"."colour" is null or "places"."colour" in ('red','yellow','green')),
	CONSTRAINT "places_status_ck" CHECK ("places"."status" in ('active','deregistered','archived','purged'))
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"criteria" jsonb,
	"reason" text,
	"rated_by" uuid,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_kind_ck" CHECK ("ratings"."kind" in ('colour','stars'))
);
--> statement-breakpoint
CREATE TABLE "registry_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_id" text,
	"file_digest" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"area_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "registry_imports_status_ck" CHECK ("registry_imports"."status" in ('validating','invalid','loading','done','failed'))
);
--> statement-breakpoint
CREATE TABLE "tenancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"house_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "things" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"serial" text,
	"lat" double precision,
	"lng" double precision,
	"address" text,
	"place_id" uuid,
	"house_id" uuid,
	"building_id" uuid,
	"installed_on" date,
	"last_inspected_on" date,
	"next_inspection_on" date,
	"device_id" text,
	"attrs" jsonb,
	"area_id" uuid,
	"area_path" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "things_status_ck" CHECK ("things"."status" in ('active','deregistered','archived','purged'))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"area_path" text,
	"due_on" date,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"method" text,
	"note" text,
	"findings" jsonb,
	"photos" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_documents" (
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "config_documents_kind_version_pk" PRIMARY KEY("kind","version")
);
--> statement-breakpoint
CREATE TABLE "consultation_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"user_id" uuid,
	"department_id" uuid,
	"notified_at" timestamp with time zone,
	"joined_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"subject_type" text,
	"subject_id" text,
	"title" text NOT NULL,
	"area_path" text,
	"status" text DEFAULT 'open' NOT NULL,
	"convened_by" uuid,
	"convened_at" timestamp with time zone NOT NULL,
	"minutes" text,
	"decisions" jsonb,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"version" integer NOT NULL,
	"idempotency_key" text,
	"actor_id" uuid,
	"actor_name" text,
	"actor_role" text,
	"department_id" uuid,
	"note" text,
	"data" jsonb,
	"photos" text[],
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"file_digest" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_links" (
	"event_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"role" text DEFAULT 'involved' NOT NULL,
	CONSTRAINT "event_links_event_id_subject_type_subject_id_pk" PRIMARY KEY("event_id","subject_type","subject_id")
);
--> statement-breakpoint
CREATE TABLE "event_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"department_id" uuid,
	"assignee_user_id" uuid,
	"role" text DEFAULT 'lead' NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"result" text,
	"photos" text[],
	"deadline" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	CONSTRAINT "event_parts_state_ck" CHECK ("event_parts"."state" in ('pending','accepted','rejected','done','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"tracking_code" text NOT NULL,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"lat" double precision,
	"lng" double precision,
	"address" text,
	"area_id" uuid,
	"area_path" text,
	"reporter_user_id" uuid,
	"reporter_name_enc" text,
	"reporter_phone_enc" text,
	"reporter_phone_index" text,
	"reporter_phone_masked" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"photos" text[],
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"handling_level" text,
	"assignee_user_id" uuid,
	"sla_stage" text,
	"deadline" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"colour" text DEFAULT 'green' NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"sla" jsonb,
	"accepted_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"feedback_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone,
	"satisfaction" text,
	"closed_on_time" boolean,
	"closed_in_grid" boolean,
	"dispatch_count" integer DEFAULT 0 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"config_version" integer,
	"result" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_urgency_ck" CHECK ("events"."urgency" in ('normal','urgent','critical')),
	CONSTRAINT "events_colour_ck" CHECK ("events"."colour" in ('green','yellow','red'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"subject_type" text,
	"subject_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"level" text NOT NULL,
	"stage" text,
	"dedupe_key" text NOT NULL,
	"reason" text NOT NULL,
	"area_path" text,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"escalated_to_user_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "supervisions_level_ck" CHECK ("supervisions"."level" in ('notice','yellow','red'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"consultation_id" uuid,
	"title" text NOT NULL,
	"area_path" text,
	"assignee_user_id" uuid,
	"department_id" uuid,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"result" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_status_ck" CHECK ("tasks"."status" in ('open','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"url" text NOT NULL,
	"secret_enc" text,
	"events" text[] NOT NULL,
	"area_path" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_actions" ADD CONSTRAINT "care_plan_actions_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_actions" ADD CONSTRAINT "care_plan_actions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_key_person_id_key_persons_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "houses" ADD CONSTRAINT "houses_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "houses" ADD CONSTRAINT "houses_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "houses" ADD CONSTRAINT "houses_landlord_person_id_persons_id_fk" FOREIGN KEY ("landlord_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "houses" ADD CONSTRAINT "houses_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "houses" ADD CONSTRAINT "houses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_grants" ADD CONSTRAINT "key_person_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_grants" ADD CONSTRAINT "key_person_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_helpers" ADD CONSTRAINT "key_person_helpers_key_person_id_key_persons_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_helpers" ADD CONSTRAINT "key_person_helpers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_persons" ADD CONSTRAINT "key_persons_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_persons" ADD CONSTRAINT "key_persons_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_persons" ADD CONSTRAINT "key_persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_safety_manager_person_id_persons_id_fk" FOREIGN KEY ("safety_manager_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_changes" ADD CONSTRAINT "registry_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_documents" ADD CONSTRAINT "config_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_convened_by_users_id_fk" FOREIGN KEY ("convened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_actions" ADD CONSTRAINT "event_actions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_actions" ADD CONSTRAINT "event_actions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_imports" ADD CONSTRAINT "event_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_links" ADD CONSTRAINT "event_links_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_parts" ADD CONSTRAINT "event_parts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_parts" ADD CONSTRAINT "event_parts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_parts" ADD CONSTRAINT "event_parts_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_escalated_to_user_id_users_id_fk" FOREIGN KEY ("escalated_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buildings_area_path_idx" ON "buildings" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_plan_actions_plan_idx" ON "care_plan_actions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "care_plans_kp_idx" ON "care_plans" USING btree ("key_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_current_uq" ON "household_members" USING btree ("person_id") WHERE "household_members"."left_on" is null;--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_code_uq" ON "households" USING btree ("code") WHERE "households"."code" is not null;--> statement-breakpoint
CREATE INDEX "households_area_path_idx" ON "households" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "houses_area_path_idx" ON "houses" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "houses_building_idx" ON "houses" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "houses_address_idx" ON "houses" USING btree ("address" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "key_person_helpers_kp_idx" ON "key_person_helpers" USING btree ("key_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "key_persons_person_category_uq" ON "key_persons" USING btree ("person_id","category") WHERE "key_persons"."status" = 'active';--> statement-breakpoint
CREATE INDEX "key_persons_area_path_idx" ON "key_persons" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "key_persons_next_visit_idx" ON "key_persons" USING btree ("next_visit_on");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_index_uq" ON "persons" USING btree ("id_index") WHERE "persons"."id_index" is not null and "persons"."status" <> 'purged';--> statement-breakpoint
CREATE INDEX "persons_area_path_idx" ON "persons" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_id_tail_idx" ON "persons" USING btree ("id_tail");--> statement-breakpoint
CREATE INDEX "persons_phone_tail_idx" ON "persons" USING btree ("phone_tail");--> statement-breakpoint
CREATE INDEX "persons_phone_index_idx" ON "persons" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "persons_house_idx" ON "persons" USING btree ("house_id");--> statement-breakpoint
CREATE INDEX "persons_permit_expiry_idx" ON "persons" USING btree ("permit_expires_on") WHERE "persons"."permit_expires_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "places_credit_code_uq" ON "places" USING btree ("credit_code") WHERE "places"."credit_code" is not null and "places"."status" = 'active';--> statement-breakpoint
CREATE INDEX "places_area_path_idx" ON "places" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "places_kind_idx" ON "places" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "ratings_subject_idx" ON "ratings" USING btree ("subject_type","subject_id","rated_at");--> statement-breakpoint
CREATE INDEX "registry_changes_subject_idx" ON "registry_changes" USING btree ("subject_type","subject_id","id");--> statement-breakpoint
CREATE INDEX "registry_imports_digest_idx" ON "registry_imports" USING btree ("kind","file_digest");--> statement-breakpoint
CREATE INDEX "tenancies_house_idx" ON "tenancies" USING btree ("house_id");--> statement-breakpoint
CREATE INDEX "tenancies_person_idx" ON "tenancies" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "things_area_path_idx" ON "things" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "things_kind_idx" ON "things" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "things_device_uq" ON "things" USING btree ("device_id") WHERE "things"."device_id" is not null;--> statement-breakpoint
CREATE INDEX "visits_subject_idx" ON "visits" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "visits_due_idx" ON "visits" USING btree ("due_on") WHERE "visits"."done_at" is null;--> statement-breakpoint
CREATE INDEX "visits_area_path_idx" ON "visits" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "consultation_participants_c_idx" ON "consultation_participants" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultations_event_idx" ON "consultations" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_actions_event_idx" ON "event_actions" USING btree ("event_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_actions_idem_uq" ON "event_actions" USING btree ("event_id","idempotency_key") WHERE "event_actions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "event_links_subject_idx" ON "event_links" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "event_parts_event_idx" ON "event_parts" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_parts_department_idx" ON "event_parts" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "event_parts_assignee_idx" ON "event_parts" USING btree ("assignee_user_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "events_seq_uq" ON "events" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "events_tracking_uq" ON "events" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "events_source_ref_uq" ON "events" USING btree ("source","source_ref") WHERE "events"."source_ref" is not null;--> statement-breakpoint
CREATE INDEX "events_area_path_idx" ON "events" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "events_state_idx" ON "events" USING btree ("state");--> statement-breakpoint
CREATE INDEX "events_created_idx" ON "events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "events_open_deadline_idx" ON "events" USING btree ("deadline") WHERE "events"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "events_category_idx" ON "events" USING btree ("category_code");--> statement-breakpoint
CREATE INDEX "events_merged_idx" ON "events" USING btree ("merged_into_id") WHERE "events"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisions_dedupe_uq" ON "supervisions" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "supervisions_event_idx" ON "supervisions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "supervisions_open_idx" ON "supervisions" USING btree ("opened_at") WHERE "supervisions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_user_id","status");--> statement-breakpoint
CREATE INDEX "tasks_event_idx" ON "tasks" USING btree ("event_id");