import type { Actor } from "../../core/actor";
import type { Services } from "../../core/context";
import { AppError } from "../../core/errors";
import { API_KEY_PREFIX, authenticate } from "../auth/authenticate";
import { apiKeyRejected } from "./open311.errors";

const INVALID = { zh: "api_key 无效或已停用", en: "Invalid api_key: unknown, revoked or disabled" };

/**
 * The actor an Open311 api_key acts as: only an API key (pak_…, created with `pingan apikey create`),
 * never a session token; 403 in the standard's terms when it is missing, unknown, revoked or its user
 * is disabled.
 */
export async function apiKeyActor(services: Services, given: string | undefined): Promise<Actor> {
  const key = given?.trim();
  if (!key) throw apiKeyRejected({ zh: "缺少 api_key", en: "api_key is required" });
  if (!key.startsWith(API_KEY_PREFIX)) throw apiKeyRejected(INVALID);
  // a refused key is the client's problem (403); a failing database stays ours (500)
  const actor = await authenticate(services, { bearer: key }).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  if (!actor || actor.via !== "api_key") throw apiKeyRejected(INVALID);
  return actor;
}
