/*
  Warnings:

  - You are about to drop the column `name` on the `User` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "TermsAcceptance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "acceptedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TermsAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Entry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "entrantId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "referenceCode" TEXT,
    "judgeCode" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "statement" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT '',
    "originalWorkAt" DATETIME,
    "aiUse" TEXT,
    "aiUseDetails" TEXT NOT NULL DEFAULT '',
    "licenceAt" DATETIME,
    "identifiablePeople" BOOLEAN,
    "releasesAt" DATETIME,
    "showsSurvivors" BOOLEAN,
    "showsExactLocations" BOOLEAN,
    "graphicContent" BOOLEAN,
    "transcript" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Entry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Entry_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_entrantId_fkey" FOREIGN KEY ("entrantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediaAsset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "objectKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "declaredType" TEXT NOT NULL,
    "declaredSize" INTEGER NOT NULL,
    "detectedType" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "durationSec" REAL,
    "cleanKey" TEXT,
    "previewKey" TEXT,
    "altText" TEXT NOT NULL DEFAULT '',
    "rejection" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" DATETIME,
    CONSTRAINT "MediaAsset_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Category" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "allowedTypes" TEXT NOT NULL,
    "maxFileBytes" INTEGER NOT NULL,
    "maxDurationSec" INTEGER,
    "maxFiles" INTEGER NOT NULL DEFAULT 1,
    "accessibilityText" TEXT NOT NULL,
    "statementMaxWords" INTEGER NOT NULL DEFAULT 300,
    CONSTRAINT "Category_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Category" ("accessibilityText", "allowedTypes", "contestId", "description", "id", "maxDurationSec", "maxFileBytes", "maxFiles", "name", "position", "slug") SELECT "accessibilityText", "allowedTypes", "contestId", "description", "id", "maxDurationSec", "maxFileBytes", "maxFiles", "name", "position", "slug" FROM "Category";
DROP TABLE "Category";
ALTER TABLE "new_Category" RENAME TO "Category";
CREATE UNIQUE INDEX "Category_contestId_slug_key" ON "Category"("contestId", "slug");
CREATE TABLE "new_Contest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "codePrefix" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "organizerName" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT 'en',
    "timezone" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "opensAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "graceMinutes" INTEGER NOT NULL DEFAULT 0,
    "judgingStartsAt" DATETIME NOT NULL,
    "judgingEndsAt" DATETIME NOT NULL,
    "announcementAt" DATETIME NOT NULL,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "allowedCountries" TEXT,
    "maxEntriesPerUser" INTEGER NOT NULL DEFAULT 3,
    "maxEntriesPerCategory" INTEGER NOT NULL DEFAULT 1,
    "lastEntryNumber" INTEGER NOT NULL DEFAULT 0,
    "blindJudging" BOOLEAN NOT NULL DEFAULT true,
    "judgesPerEntry" INTEGER NOT NULL DEFAULT 3,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Contest" ("allowedCountries", "announcementAt", "blindJudging", "codePrefix", "createdAt", "deadline", "graceMinutes", "id", "judgesPerEntry", "judgingEndsAt", "judgingStartsAt", "languages", "maxAge", "maxEntriesPerUser", "minAge", "opensAt", "organizerName", "rules", "slug", "status", "summary", "theme", "timezone", "title", "updatedAt") SELECT "allowedCountries", "announcementAt", "blindJudging", "codePrefix", "createdAt", "deadline", "graceMinutes", "id", "judgesPerEntry", "judgingEndsAt", "judgingStartsAt", "languages", "maxAge", "maxEntriesPerUser", "minAge", "opensAt", "organizerName", "rules", "slug", "status", "summary", "theme", "timezone", "title", "updatedAt" FROM "Contest";
DROP TABLE "Contest";
ALTER TABLE "new_Contest" RENAME TO "Contest";
CREATE UNIQUE INDEX "Contest_slug_key" ON "Contest"("slug");
CREATE UNIQUE INDEX "Contest_codePrefix_key" ON "Contest"("codePrefix");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'entrant',
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "fullName" TEXT,
    "displayName" TEXT,
    "dateOfBirth" TEXT,
    "country" TEXT
);
INSERT INTO "new_User" ("createdAt", "email", "id", "locale", "role", "updatedAt") SELECT "createdAt", "email", "id", "locale", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "TermsAcceptance_userId_version_key" ON "TermsAcceptance"("userId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Entry_referenceCode_key" ON "Entry"("referenceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Entry_judgeCode_key" ON "Entry"("judgeCode");

-- CreateIndex
CREATE INDEX "Entry_entrantId_idx" ON "Entry"("entrantId");

-- CreateIndex
CREATE INDEX "Entry_contestId_status_idx" ON "Entry"("contestId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MediaAsset_objectKey_key" ON "MediaAsset"("objectKey");

-- CreateIndex
CREATE INDEX "MediaAsset_entryId_idx" ON "MediaAsset"("entryId");
