-- AlterTable
ALTER TABLE "Contest" ADD COLUMN "guardianConsentUnder" INTEGER DEFAULT 18;

-- AlterTable
ALTER TABLE "MediaAsset" ADD COLUMN "captionsKey" TEXT;
ALTER TABLE "MediaAsset" ADD COLUMN "captionsLang" TEXT;

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "person" TEXT NOT NULL,
    "minor" BOOLEAN NOT NULL DEFAULT false,
    "consentGivenBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Release_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GuardianConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "guardianName" TEXT NOT NULL,
    "guardianEmail" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "entryRevision" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GuardianConsent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Release_entryId_idx" ON "Release"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "GuardianConsent_tokenHash_key" ON "GuardianConsent"("tokenHash");

-- CreateIndex
CREATE INDEX "GuardianConsent_entryId_createdAt_idx" ON "GuardianConsent"("entryId", "createdAt");
