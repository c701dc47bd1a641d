import { defineConfig } from "vitest/config";

// Small and medium tests sit beside the code (src/**/*.test.ts); process and browser tests in test/.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
