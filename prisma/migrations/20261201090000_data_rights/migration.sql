-- Data rights and retention: erased accounts, anonymised entries, withdrawn guardian consent,
-- and each contest's retention period after its results.
ALTER TABLE "User" ADD COLUMN "erasedAt" DATETIME;
ALTER TABLE "Contest" ADD COLUMN "retentionMonths" INTEGER NOT NULL DEFAULT 12;
ALTER TABLE "Contest" ADD COLUMN "retentionDoneAt" DATETIME;
ALTER TABLE "Entry" ADD COLUMN "anonymisedAt" DATETIME;
ALTER TABLE "GuardianConsent" ADD COLUMN "withdrawnAt" DATETIME;
