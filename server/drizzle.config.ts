import { defineConfig } from "drizzle-kit";

// Generates SQL migrations from src/db/schema.ts; they run unchanged on PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
