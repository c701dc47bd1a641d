-- The audit trail is append-only: rows may be inserted, and an unsealed row may be sealed once
-- (seq and chain_hash set, nothing else changed). Every other UPDATE, DELETE or TRUNCATE is refused.
CREATE OR REPLACE FUNCTION pingan_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.chain_hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.chain_hash IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.actor_role, NEW.action, NEW.subject_type,
          NEW.subject_id, NEW.changes, NEW.reason, NEW.request_id, NEW.ip, NEW.alg, NEW.content_hash)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.actor_role, OLD.action, OLD.subject_type,
          OLD.subject_id, OLD.changes, OLD.reason, OLD.request_id, OLD.ip, OLD.alg, OLD.content_hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION pingan_audit_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION pingan_audit_guard();
--> statement-breakpoint
COMMENT ON TABLE areas IS 'Area hierarchy (district → street → community → grid layer → grid → micro-grid); every located record belongs to the smallest area containing it';
--> statement-breakpoint
COMMENT ON COLUMN areas.path IS 'Materialised path of codes, "/330212/330212009/…/"; scope checks are prefix matches on it';
--> statement-breakpoint
COMMENT ON COLUMN areas.geometry IS 'GeoJSON Polygon or MultiPolygon in WGS84; point-in-area is computed in the application';
--> statement-breakpoint
COMMENT ON TABLE user_scopes IS 'Areas a staff user is responsible for; data access covers each subtree; one is primary';
--> statement-breakpoint
COMMENT ON TABLE sessions IS 'Console cookie sessions and API bearer tokens; id is the SHA-256 of the secret, never the secret';
--> statement-breakpoint
COMMENT ON TABLE api_keys IS 'Keys for machine clients; a key acts as its user; key_hash is the SHA-256 of the key';
--> statement-breakpoint
COMMENT ON TABLE login_attempts IS 'Login attempts by username and address, for lock-out after repeated failures';
--> statement-breakpoint
COMMENT ON TABLE audit_log IS 'Append-only audit trail of every mutation and every read of sensitive data';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.changes IS 'Ordinary fields: {field: {before, after}}; sensitive fields: {field: {changed: true, digest}} only';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.content_hash IS 'Keyed hash (HMAC, alg) of the row content, computed on insert';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.seq IS 'Position in the hash chain, assigned by the sealing job in commit order';
--> statement-breakpoint
COMMENT ON COLUMN audit_log.chain_hash IS 'HMAC over the previous chain_hash, seq and content_hash';
--> statement-breakpoint
COMMENT ON TABLE jobs IS 'Persisted jobs and timers; workers claim due rows with FOR UPDATE SKIP LOCKED and a lease';
--> statement-breakpoint
COMMENT ON COLUMN jobs.dedupe_key IS 'At most one pending or running job per key (e.g. one SLA timer per event stage)';
--> statement-breakpoint
COMMENT ON TABLE settings IS 'Deployment settings kept in the database (e.g. the test clock offset)';
--> statement-breakpoint
COMMENT ON TABLE files IS 'Uploaded files by content hash (SHA-256); bytes are in the local or S3 file store';
