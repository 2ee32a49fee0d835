-- Ranking methods per round, one more judge where results are too close to call, and the
-- comparative final round: each judge's comparisons of two shortlisted works, and the reliability
-- at which the round stops asking for more.
ALTER TABLE "Assignment" ADD COLUMN "extra" BOOLEAN NOT NULL DEFAULT false;
-- AlterTable
ALTER TABLE "Contest" ADD COLUMN     "finalMethod" TEXT NOT NULL DEFAULT 'zscore',
ADD COLUMN     "pairwiseTarget" DOUBLE PRECISION NOT NULL DEFAULT 0.8;

-- CreateTable
CREATE TABLE "Comparison" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "leftId" TEXT NOT NULL,
    "rightId" TEXT NOT NULL,
    "pairKey" TEXT NOT NULL,
    "winnerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Comparison_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comparison_contestId_categoryId_idx" ON "Comparison"("contestId", "categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Comparison_judgeId_pairKey_key" ON "Comparison"("judgeId", "pairKey");

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_leftId_fkey" FOREIGN KEY ("leftId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_rightId_fkey" FOREIGN KEY ("rightId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

