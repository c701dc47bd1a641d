CREATE TABLE "registry_import_rows" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row_no" integer NOT NULL,
	"data" text NOT NULL,
	CONSTRAINT "registry_import_rows_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
ALTER TABLE "registry_import_rows" ADD CONSTRAINT "registry_import_rows_import_id_registry_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."registry_imports"("id") ON DELETE cascade ON UPDATE no action;