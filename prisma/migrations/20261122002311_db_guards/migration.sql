-- Database-level guards that the Prisma schema cannot express.
-- Hand-written; PostgreSQL 15 syntax so it runs on Debian's server and on
-- PGlite (PostgreSQL 18). Prisma's diff ignores CHECK constraints, triggers
-- and functions, so later generated migrations leave these alone.

-- ─── Trigram search ────────────────────────────────────────────────────────
-- pg_trgm ships with PostgreSQL contrib (Debian) and with PGlite (loaded by
-- scripts/lib/embedded-db.ts and by the shadow database of the schema engine).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex (declared in schema.prisma: @@index([searchText(ops: raw("gin_trgm_ops"))], type: Gin))
CREATE INDEX "Dossier_searchText_idx" ON "Dossier" USING GIN ("searchText" gin_trgm_ops);

-- ─── DossierEvent is append-only ───────────────────────────────────────────
-- The event log is the legal record of who did what to a dossier: rows are
-- inserted, never changed or removed. TRUNCATE stays possible on purpose (a
-- maintenance/test reset empties whole tables; the application never does).
CREATE OR REPLACE FUNCTION motcua_refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'DossierEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'P0001',
          HINT = 'Record a new event instead of changing or deleting one.';
END;
$$;

DROP TRIGGER IF EXISTS "DossierEvent_append_only" ON "DossierEvent";
CREATE TRIGGER "DossierEvent_append_only"
  BEFORE UPDATE OR DELETE ON "DossierEvent"
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_event_change();

-- ─── Value checks ──────────────────────────────────────────────────────────
-- Channels: 1 in person, 2 online, 3 post.
ALTER TABLE "Dossier"
  ADD CONSTRAINT "Dossier_channel_check" CHECK ("channel" IN (1, 2, 3)),
  ADD CONSTRAINT "Dossier_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "Dossier_feeAmount_check" CHECK ("feeAmount" IS NULL OR "feeAmount" >= 0),
  ADD CONSTRAINT "Dossier_currentStepOrder_check" CHECK ("currentStepOrder" IS NULL OR "currentStepOrder" >= 0);

ALTER TABLE "DossierEvent"
  ADD CONSTRAINT "DossierEvent_resultingVersion_check" CHECK ("resultingVersion" >= 1);

ALTER TABLE "ProcedureVersion"
  ADD CONSTRAINT "ProcedureVersion_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "ProcedureVersion_limitValue_check" CHECK ("limitValue" >= 0),
  ADD CONSTRAINT "ProcedureVersion_channels_check"
    CHECK ("channels" <@ ARRAY[1, 2, 3]),
  ADD CONSTRAINT "ProcedureVersion_validity_check" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");

ALTER TABLE "ProcedureStep"
  ADD CONSTRAINT "ProcedureStep_allowanceValue_check" CHECK ("allowanceValue" >= 0);

-- Dossier code sequence numbers (NNNN) start at 0001, per agency per day (YYMMDD).
ALTER TABLE "DossierCodeCounter"
  ADD CONSTRAINT "DossierCodeCounter_lastNumber_check" CHECK ("lastNumber" >= 0),
  ADD CONSTRAINT "DossierCodeCounter_day_check" CHECK ("day" ~ '^[0-9]{6}$');

ALTER TABLE "DossierCodeReservation"
  ADD CONSTRAINT "DossierCodeReservation_number_check" CHECK ("number" >= 1),
  ADD CONSTRAINT "DossierCodeReservation_day_check" CHECK ("day" ~ '^[0-9]{6}$');

ALTER TABLE "DossierStep"
  ADD CONSTRAINT "DossierStep_dueAt_check" CHECK ("dueAt" >= "startedAt"),
  ADD CONSTRAINT "DossierStep_finishedAt_check" CHECK ("finishedAt" IS NULL OR "finishedAt" >= "startedAt");

ALTER TABLE "Attachment"
  ADD CONSTRAINT "Attachment_sizeBytes_check" CHECK ("sizeBytes" >= 0);

ALTER TABLE "DocumentComponent"
  ADD CONSTRAINT "DocumentComponent_maxSizeBytes_check" CHECK ("maxSizeBytes" > 0);

ALTER TABLE "User"
  ADD CONSTRAINT "User_failedSignIns_check" CHECK ("failedSignIns" >= 0);
