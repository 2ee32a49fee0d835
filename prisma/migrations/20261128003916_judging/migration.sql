-- CreateTable
CREATE TABLE "JudgeInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "invitedById" TEXT NOT NULL,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JudgeInvitation_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "round" TEXT NOT NULL DEFAULT 'scoring',
    "recusedAt" DATETIME,
    "scores" TEXT NOT NULL DEFAULT '{}',
    "comments" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScreeningDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "flags" TEXT NOT NULL DEFAULT '',
    "returnUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScreeningDecision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScreeningDecision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

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
    "guardianConsentUnder" INTEGER DEFAULT 18,
    "lastEntryNumber" INTEGER NOT NULL DEFAULT 0,
    "blindJudging" BOOLEAN NOT NULL DEFAULT true,
    "judgesPerEntry" INTEGER NOT NULL DEFAULT 3,
    "avoidSameCountry" BOOLEAN NOT NULL DEFAULT true,
    "hideCountry" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Contest" ("allowedCountries", "announcementAt", "blindJudging", "codePrefix", "createdAt", "deadline", "graceMinutes", "guardianConsentUnder", "id", "judgesPerEntry", "judgingEndsAt", "judgingStartsAt", "languages", "lastEntryNumber", "maxAge", "maxEntriesPerCategory", "maxEntriesPerUser", "minAge", "opensAt", "organizerName", "rules", "slug", "status", "summary", "theme", "timezone", "title", "updatedAt") SELECT "allowedCountries", "announcementAt", "blindJudging", "codePrefix", "createdAt", "deadline", "graceMinutes", "guardianConsentUnder", "id", "judgesPerEntry", "judgingEndsAt", "judgingStartsAt", "languages", "lastEntryNumber", "maxAge", "maxEntriesPerCategory", "maxEntriesPerUser", "minAge", "opensAt", "organizerName", "rules", "slug", "status", "summary", "theme", "timezone", "title", "updatedAt" FROM "Contest";
DROP TABLE "Contest";
ALTER TABLE "new_Contest" RENAME TO "Contest";
CREATE UNIQUE INDEX "Contest_slug_key" ON "Contest"("slug");
CREATE UNIQUE INDEX "Contest_codePrefix_key" ON "Contest"("codePrefix");
CREATE TABLE "new_ContestJudge" (
    "contestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "country" TEXT,
    "conflictPeople" TEXT NOT NULL DEFAULT '',
    "conflictOrganisations" TEXT NOT NULL DEFAULT '',
    "conflictCountries" TEXT NOT NULL DEFAULT '',
    "conflictsDeclaredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("contestId", "userId"),
    CONSTRAINT "ContestJudge_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContestJudge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ContestJudge" ("contestId", "createdAt", "userId") SELECT "contestId", "createdAt", "userId" FROM "ContestJudge";
DROP TABLE "ContestJudge";
ALTER TABLE "new_ContestJudge" RENAME TO "ContestJudge";
CREATE INDEX "ContestJudge_userId_idx" ON "ContestJudge"("userId");
CREATE TABLE "new_Entry" (
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
    "organizerMessage" TEXT NOT NULL DEFAULT '',
    "editableUntil" DATETIME,
    "contentWarning" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Entry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Entry_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_entrantId_fkey" FOREIGN KEY ("entrantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Entry" ("aiUse", "aiUseDetails", "categoryId", "contestId", "createdAt", "entrantId", "graphicContent", "id", "identifiablePeople", "judgeCode", "language", "licenceAt", "originalWorkAt", "referenceCode", "releasesAt", "revision", "showsExactLocations", "showsSurvivors", "statement", "status", "submittedAt", "summary", "title", "transcript", "updatedAt", "withdrawnAt") SELECT "aiUse", "aiUseDetails", "categoryId", "contestId", "createdAt", "entrantId", "graphicContent", "id", "identifiablePeople", "judgeCode", "language", "licenceAt", "originalWorkAt", "referenceCode", "releasesAt", "revision", "showsExactLocations", "showsSurvivors", "statement", "status", "submittedAt", "summary", "title", "transcript", "updatedAt", "withdrawnAt" FROM "Entry";
DROP TABLE "Entry";
ALTER TABLE "new_Entry" RENAME TO "Entry";
CREATE UNIQUE INDEX "Entry_referenceCode_key" ON "Entry"("referenceCode");
CREATE UNIQUE INDEX "Entry_judgeCode_key" ON "Entry"("judgeCode");
CREATE INDEX "Entry_entrantId_idx" ON "Entry"("entrantId");
CREATE INDEX "Entry_contestId_status_idx" ON "Entry"("contestId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "JudgeInvitation_tokenHash_key" ON "JudgeInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "JudgeInvitation_contestId_email_idx" ON "JudgeInvitation"("contestId", "email");

-- CreateIndex
CREATE INDEX "Assignment_judgeId_round_idx" ON "Assignment"("judgeId", "round");

-- CreateIndex
CREATE INDEX "Assignment_contestId_round_idx" ON "Assignment"("contestId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_entryId_judgeId_round_key" ON "Assignment"("entryId", "judgeId", "round");

-- CreateIndex
CREATE INDEX "ScreeningDecision_entryId_createdAt_idx" ON "ScreeningDecision"("entryId", "createdAt");
