-- AlterTable
ALTER TABLE "Category" ADD COLUMN "archivedAt" DATETIME;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Contest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "codePrefix" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "faq" TEXT NOT NULL DEFAULT '',
    "organizerName" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT 'en',
    "timezone" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "opensAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "graceMinutes" INTEGER NOT NULL DEFAULT 0,
    "judgingStartsAt" DATETIME NOT NULL,
    "judgingEndsAt" DATETIME NOT NULL,
    "finalRoundEndsAt" DATETIME,
    "resultsPublishedAt" DATETIME,
    "announcementAt" DATETIME NOT NULL,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "allowedCountries" TEXT,
    "maxEntriesPerUser" INTEGER NOT NULL DEFAULT 3,
    "maxEntriesPerCategory" INTEGER NOT NULL DEFAULT 1,
    "guardianConsentUnder" INTEGER DEFAULT 18,
    "lastEntryNumber" INTEGER NOT NULL DEFAULT 0,
    "blindJudging" BOOLEAN NOT NULL DEFAULT true,
    "judgesPerEntry" INTEGER NOT NULL DEFAULT 3,
    "avoidSameCountry" BOOLEAN NOT NULL DEFAULT true,
    "hideCountry" BOOLEAN NOT NULL DEFAULT true,
    "normalisation" TEXT NOT NULL DEFAULT 'zscore',
    "emailNotes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Contest" ("allowedCountries", "announcementAt", "avoidSameCountry", "blindJudging", "codePrefix", "createdAt", "deadline", "finalRoundEndsAt", "graceMinutes", "guardianConsentUnder", "hideCountry", "id", "judgesPerEntry", "judgingEndsAt", "judgingStartsAt", "languages", "lastEntryNumber", "maxAge", "maxEntriesPerCategory", "maxEntriesPerUser", "minAge", "opensAt", "organizerName", "resultsPublishedAt", "rules", "slug", "status", "summary", "theme", "timezone", "title", "updatedAt") SELECT "allowedCountries", "announcementAt", "avoidSameCountry", "blindJudging", "codePrefix", "createdAt", "deadline", "finalRoundEndsAt", "graceMinutes", "guardianConsentUnder", "hideCountry", "id", "judgesPerEntry", "judgingEndsAt", "judgingStartsAt", "languages", "lastEntryNumber", "maxAge", "maxEntriesPerCategory", "maxEntriesPerUser", "minAge", "opensAt", "organizerName", "resultsPublishedAt", "rules", "slug", "status", "summary", "theme", "timezone", "title", "updatedAt" FROM "Contest";
DROP TABLE "Contest";
ALTER TABLE "new_Contest" RENAME TO "Contest";
CREATE UNIQUE INDEX "Contest_slug_key" ON "Contest"("slug");
CREATE UNIQUE INDEX "Contest_codePrefix_key" ON "Contest"("codePrefix");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
