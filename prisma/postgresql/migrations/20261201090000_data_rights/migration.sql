-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Contest" ADD COLUMN     "retentionDoneAt" TIMESTAMP(3),
ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 12;

-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "GuardianConsent" ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

