-- AlterTable
ALTER TABLE "Contest" ADD COLUMN "finalRoundEndsAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "shortlisted" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Entry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Entry_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_entrantId_fkey" FOREIGN KEY ("entrantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Entry" ("aiUse", "aiUseDetails", "categoryId", "contentWarning", "contestId", "createdAt", "editableUntil", "entrantId", "graphicContent", "id", "identifiablePeople", "judgeCode", "language", "licenceAt", "organizerMessage", "originalWorkAt", "referenceCode", "releasesAt", "revision", "showsExactLocations", "showsSurvivors", "statement", "status", "submittedAt", "summary", "title", "transcript", "updatedAt", "withdrawnAt") SELECT "aiUse", "aiUseDetails", "categoryId", "contentWarning", "contestId", "createdAt", "editableUntil", "entrantId", "graphicContent", "id", "identifiablePeople", "judgeCode", "language", "licenceAt", "organizerMessage", "originalWorkAt", "referenceCode", "releasesAt", "revision", "showsExactLocations", "showsSurvivors", "statement", "status", "submittedAt", "summary", "title", "transcript", "updatedAt", "withdrawnAt" FROM "Entry";
DROP TABLE "Entry";
ALTER TABLE "new_Entry" RENAME TO "Entry";
CREATE UNIQUE INDEX "Entry_referenceCode_key" ON "Entry"("referenceCode");
CREATE UNIQUE INDEX "Entry_judgeCode_key" ON "Entry"("judgeCode");
CREATE INDEX "Entry_entrantId_idx" ON "Entry"("entrantId");
CREATE INDEX "Entry_contestId_status_idx" ON "Entry"("contestId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
