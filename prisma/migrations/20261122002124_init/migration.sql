-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('MINISTRY', 'PROVINCIAL_DEPARTMENT', 'COMMUNE', 'MINISTRY_UNIT');

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('CITIZEN', 'OFFICER');

-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('CITIZEN', 'BUSINESS', 'STATE_AGENCY', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('RECEPTION_OFFICER', 'SPECIALIST', 'LEADER', 'RECORDS_CLERK', 'POSTAL_STAFF', 'AGENCY_ADMIN', 'CONTROLLER', 'SYSTEM_ADMIN');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKING_DAY');

-- CreateEnum
CREATE TYPE "ProcedureLevel" AS ENUM ('MINISTRY', 'PROVINCE', 'COMMUNE');

-- CreateEnum
CREATE TYPE "TimeUnit" AS ENUM ('WORKING_DAY', 'WORKING_HOUR');

-- CreateEnum
CREATE TYPE "OnlineLevel" AS ENUM ('PARTIAL', 'FULL');

-- CreateEnum
CREATE TYPE "ProcedureVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('RECEPTION', 'APPRAISAL', 'APPROVAL', 'ISSUANCE', 'RETURN');

-- CreateEnum
CREATE TYPE "DossierStatus" AS ENUM ('NEW', 'RECEIVED', 'REFUSED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_FEE', 'WITHDRAWN', 'STOPPED', 'PROCESSED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ResultDelivery" AS ENUM ('AT_DESK', 'BY_POST', 'ONLINE');

-- CreateEnum
CREATE TYPE "DossierAction" AS ENUM ('SUBMIT', 'INTAKE', 'RECEIVE', 'REFUSE', 'ASSIGN', 'FORWARD', 'SEND_BACK', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT', 'RESUME', 'REQUEST_FEE', 'CONFIRM_FEE', 'APPROVE', 'ISSUE_RESULT', 'RETURN_RESULT', 'EXTEND', 'STOP', 'WITHDRAW', 'COMMENT');

-- CreateEnum
CREATE TYPE "ClockEventKind" AS ENUM ('START', 'PAUSE', 'RESUME', 'EXTEND', 'STOP');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('COMPONENT', 'SUPPLEMENT', 'SCAN', 'RESULT', 'SLIP');

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "codeIsDemo" BOOLEAN NOT NULL DEFAULT true,
    "kind" "AgencyKind" NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "shortNameVi" TEXT,
    "provinceName" TEXT,
    "parentId" TEXT,
    "address" TEXT,
    "hotline" TEXT,
    "email" TEXT,
    "workingHours" JSONB NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "trainingMode" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "kind" "UserKind" NOT NULL DEFAULT 'CITIZEN',
    "name" TEXT NOT NULL,
    "email" TEXT,
    "emailVerified" TIMESTAMPTZ(3),
    "phone" TEXT,
    "image" TEXT,
    "passwordHash" TEXT,
    "idNumber" TEXT,
    "dateOfBirth" DATE,
    "address" TEXT,
    "applicantType" "ApplicantType" NOT NULL DEFAULT 'CITIZEN',
    "organisationName" TEXT,
    "taxCode" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL DEFAULT 'HOLIDAY',
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "agencyId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sector" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Procedure" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sectorId" TEXT NOT NULL,
    "level" "ProcedureLevel" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureVersion" (
    "id" TEXT NOT NULL,
    "procedureId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ProcedureVersionStatus" NOT NULL DEFAULT 'PUBLISHED',
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "authorityVi" TEXT NOT NULL,
    "authorityEn" TEXT NOT NULL,
    "limitValue" INTEGER NOT NULL,
    "limitUnit" "TimeUnit" NOT NULL DEFAULT 'WORKING_DAY',
    "sameDayCutoff" TEXT,
    "fee" JSONB NOT NULL,
    "feeNoteVi" TEXT,
    "feeNoteEn" TEXT,
    "legalBasisVi" TEXT NOT NULL,
    "legalBasisEn" TEXT,
    "onlineLevel" "OnlineLevel" NOT NULL DEFAULT 'PARTIAL',
    "channels" INTEGER[],
    "acrossBoundary" BOOLEAN NOT NULL DEFAULT false,
    "formSchema" JSONB NOT NULL,
    "resultNameVi" TEXT,
    "resultNameEn" TEXT,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validTo" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcedureVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentComponent" (
    "id" TEXT NOT NULL,
    "procedureVersionId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "copiesVi" TEXT,
    "copiesEn" TEXT,
    "templateUrl" TEXT,
    "acceptedTypes" TEXT[] DEFAULT ARRAY['application/pdf', 'image/jpeg', 'image/png']::TEXT[],
    "maxSizeBytes" INTEGER NOT NULL DEFAULT 10485760,

    CONSTRAINT "DocumentComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureStep" (
    "id" TEXT NOT NULL,
    "procedureVersionId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "kind" "StepKind" NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "allowanceValue" INTEGER NOT NULL,
    "allowanceUnit" "TimeUnit" NOT NULL DEFAULT 'WORKING_HOUR',

    CONSTRAINT "ProcedureStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureAgency" (
    "procedureId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "ProcedureAgency_pkey" PRIMARY KEY ("procedureId","agencyId")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "procedureId" TEXT NOT NULL,
    "procedureVersionId" TEXT NOT NULL,
    "receivingAgencyId" TEXT NOT NULL,
    "handlingAgencyId" TEXT NOT NULL,
    "applicantType" "ApplicantType" NOT NULL DEFAULT 'CITIZEN',
    "applicantName" TEXT NOT NULL,
    "applicantIdNumber" TEXT,
    "applicantDateOfBirth" DATE,
    "applicantPhone" TEXT,
    "applicantEmail" TEXT,
    "applicantAddress" TEXT,
    "organisationName" TEXT,
    "taxCode" TEXT,
    "ownerId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "channel" INTEGER NOT NULL,
    "status" "DossierStatus" NOT NULL,
    "currentStepOrder" INTEGER,
    "assigneeId" TEXT,
    "formData" JSONB NOT NULL DEFAULT '{}',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "originalDueAt" TIMESTAMPTZ(3),
    "extendedDueAt" TIMESTAMPTZ(3),
    "stepDueAt" TIMESTAMPTZ(3),
    "pausedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "returnedAt" TIMESTAMPTZ(3),
    "resultDelivery" "ResultDelivery" NOT NULL DEFAULT 'AT_DESK',
    "deliveryAddress" TEXT,
    "postalWaybill" TEXT,
    "resultNumber" TEXT,
    "resultIssuedAt" TIMESTAMPTZ(3),
    "feeAmount" BIGINT,
    "feePaidAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierCodeCounter" (
    "agencyId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "DossierCodeCounter_pkey" PRIMARY KEY ("agencyId","day")
);

-- CreateTable
CREATE TABLE "DossierCodeReservation" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "dossierId" TEXT,
    "releasedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierCodeReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierEvent" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" "DossierAction" NOT NULL,
    "fromStatus" "DossierStatus",
    "toStatus" "DossierStatus" NOT NULL,
    "fromStepOrder" INTEGER,
    "toStepOrder" INTEGER,
    "note" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "serverAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deviceAt" TIMESTAMPTZ(3),
    "idempotencyKey" TEXT NOT NULL,
    "resultingVersion" INTEGER NOT NULL,

    CONSTRAINT "DossierEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierClockEvent" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "kind" "ClockEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "reason" TEXT,
    "eventId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierClockEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierStep" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "holderId" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,

    CONSTRAINT "DossierStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT,
    "draftId" TEXT,
    "documentComponentId" TEXT,
    "kind" "AttachmentKind" NOT NULL DEFAULT 'COMPONENT',
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierDraft" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "procedureVersionId" TEXT NOT NULL,
    "formData" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DossierDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "User_idNumber_key" ON "User"("idNumber");

-- CreateIndex
CREATE INDEX "Membership_agencyId_role_idx" ON "Membership"("agencyId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_agencyId_role_key" ON "Membership"("userId", "agencyId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "Holiday_date_idx" ON "Holiday"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_date_agencyId_key" ON "Holiday"("date", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Sector_code_key" ON "Sector"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_code_key" ON "Procedure"("code");

-- CreateIndex
CREATE INDEX "ProcedureVersion_procedureId_status_validFrom_idx" ON "ProcedureVersion"("procedureId", "status", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ProcedureVersion_procedureId_version_key" ON "ProcedureVersion"("procedureId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentComponent_procedureVersionId_order_key" ON "DocumentComponent"("procedureVersionId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "ProcedureStep_procedureVersionId_order_key" ON "ProcedureStep"("procedureVersionId", "order");

-- CreateIndex
CREATE INDEX "ProcedureAgency_agencyId_idx" ON "ProcedureAgency"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_code_key" ON "Dossier"("code");

-- CreateIndex
CREATE INDEX "Dossier_handlingAgencyId_status_dueAt_id_idx" ON "Dossier"("handlingAgencyId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_receivingAgencyId_status_submittedAt_id_idx" ON "Dossier"("receivingAgencyId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_assigneeId_status_dueAt_id_idx" ON "Dossier"("assigneeId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_ownerId_submittedAt_idx" ON "Dossier"("ownerId", "submittedAt");

-- CreateIndex
CREATE INDEX "Dossier_applicantIdNumber_idx" ON "Dossier"("applicantIdNumber");

-- CreateIndex
CREATE INDEX "Dossier_procedureId_status_idx" ON "Dossier"("procedureId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DossierCodeReservation_code_key" ON "DossierCodeReservation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DossierCodeReservation_dossierId_key" ON "DossierCodeReservation"("dossierId");

-- CreateIndex
CREATE INDEX "DossierCodeReservation_userId_deviceId_expiresAt_idx" ON "DossierCodeReservation"("userId", "deviceId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "DossierEvent_idempotencyKey_key" ON "DossierEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "DossierEvent_dossierId_serverAt_idx" ON "DossierEvent"("dossierId", "serverAt");

-- CreateIndex
CREATE INDEX "DossierClockEvent_dossierId_at_idx" ON "DossierClockEvent"("dossierId", "at");

-- CreateIndex
CREATE INDEX "DossierStep_dossierId_startedAt_idx" ON "DossierStep"("dossierId", "startedAt");

-- CreateIndex
CREATE INDEX "DossierStep_holderId_finishedAt_idx" ON "DossierStep"("holderId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_dossierId_idx" ON "Attachment"("dossierId");

-- CreateIndex
CREATE INDEX "DossierDraft_ownerId_updatedAt_idx" ON "DossierDraft"("ownerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_dossierId_key" ON "Rating"("dossierId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_at_idx" ON "AuditLog"("entity", "entityId", "at");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureVersion" ADD CONSTRAINT "ProcedureVersion_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentComponent" ADD CONSTRAINT "DocumentComponent_procedureVersionId_fkey" FOREIGN KEY ("procedureVersionId") REFERENCES "ProcedureVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureStep" ADD CONSTRAINT "ProcedureStep_procedureVersionId_fkey" FOREIGN KEY ("procedureVersionId") REFERENCES "ProcedureVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureAgency" ADD CONSTRAINT "ProcedureAgency_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureAgency" ADD CONSTRAINT "ProcedureAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_procedureVersionId_fkey" FOREIGN KEY ("procedureVersionId") REFERENCES "ProcedureVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_receivingAgencyId_fkey" FOREIGN KEY ("receivingAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_handlingAgencyId_fkey" FOREIGN KEY ("handlingAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierCodeCounter" ADD CONSTRAINT "DossierCodeCounter_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierCodeReservation" ADD CONSTRAINT "DossierCodeReservation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierCodeReservation" ADD CONSTRAINT "DossierCodeReservation_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierEvent" ADD CONSTRAINT "DossierEvent_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierEvent" ADD CONSTRAINT "DossierEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierClockEvent" ADD CONSTRAINT "DossierClockEvent_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierStep" ADD CONSTRAINT "DossierStep_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierStep" ADD CONSTRAINT "DossierStep_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcedureStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierStep" ADD CONSTRAINT "DossierStep_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "DossierDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_documentComponentId_fkey" FOREIGN KEY ("documentComponentId") REFERENCES "DocumentComponent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDraft" ADD CONSTRAINT "DossierDraft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDraft" ADD CONSTRAINT "DossierDraft_procedureVersionId_fkey" FOREIGN KEY ("procedureVersionId") REFERENCES "ProcedureVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
