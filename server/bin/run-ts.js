#!/usr/bin/env node
// Runs a TypeScript file of this repository through tsx: `node server/bin/run-ts.js FILE [ARGS]`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const file = process.argv[2];
if (!file) {
  console.error("usage: run-ts.js FILE [ARGS]");
  process.exit(2);
}
await import(pathToFileURL(path.resolve(file)).href);
