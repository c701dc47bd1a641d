import type { FastifyTypebox } from "../../src/http/types";

/** One route as the tests address it: METHOD and path with {param} placeholders. */
export interface RouteOp {
  method: string;
  path: string;
  /** The OpenAPI operation, when the route is described there (hidden routes have none). */
  op?: any;
  key: string;
}

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/**
 * Every route the app serves: the OpenAPI description plus the routes hidden from it (read from
 * Fastify's route tree), HEAD left out (Fastify answers it as GET). Swagger UI's own files under
 * /docs/ collapse into "GET /docs/*".
 */
export async function listRoutes(app: FastifyTypebox): Promise<RouteOp[]> {
  const spec = (await app.inject({ url: "/api/openapi.json" })).json();
  const out = new Map<string, RouteOp>();
  for (const [path, methods] of Object.entries<any>(spec.paths))
    for (const [method, op] of Object.entries<any>(methods)) {
      const key = routeKey(method, path);
      out.set(key, { method: method.toUpperCase(), path, op, key });
    }
  for (const { method, path } of treeRoutes(app.printRoutes({ commonPrefix: false }))) {
    if (method === "HEAD") continue;
    const norm = path.replace(/:(\w+)/g, "{$1}");
    const p = norm.startsWith("/docs/") ? "/docs/*" : norm;
    const key = routeKey(method, p);
    if (!out.has(key)) out.set(key, { method, path: p, key });
  }
  return [...out.values()];
}

/** Parses Fastify's printRoutes({ commonPrefix: false }) tree into METHOD + full path pairs. */
export function treeRoutes(tree: string): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? "") + m[2]!;
    stack[depth] = full;
    if (m[3]) for (const method of m[3].split(",").map((s) => s.trim())) out.push({ method, path: full });
  }
  return out;
}
