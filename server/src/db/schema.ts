// The one schema: drizzle-kit reads this file; each part lives in its own file.
export * from "./schema-base";
export * from "./schema-registry";
export * from "./schema-key-persons";
export * from "./schema-events";
