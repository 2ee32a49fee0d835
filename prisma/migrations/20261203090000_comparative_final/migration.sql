-- Ranking methods per round; one more judge where results are too close to call; the comparative
-- final round: each judge's comparisons of two shortlisted works, and the reliability at which the
-- round stops asking for more.
ALTER TABLE "Assignment" ADD COLUMN "extra" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Contest" ADD COLUMN "finalMethod" TEXT NOT NULL DEFAULT 'zscore';
ALTER TABLE "Contest" ADD COLUMN "pairwiseTarget" REAL NOT NULL DEFAULT 0.8;

-- CreateTable
CREATE TABLE "Comparison" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "leftId" TEXT NOT NULL,
    "rightId" TEXT NOT NULL,
    "pairKey" TEXT NOT NULL,
    "winnerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "Comparison_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comparison_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comparison_leftId_fkey" FOREIGN KEY ("leftId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comparison_rightId_fkey" FOREIGN KEY ("rightId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Comparison_contestId_categoryId_idx" ON "Comparison"("contestId", "categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Comparison_judgeId_pairKey_key" ON "Comparison"("judgeId", "pairKey");

