-- After the results: judges' notes to entrants, reviewed and released by organizers, with the
-- scores entrants may read beside them, and the certificates' wording and check codes.
-- AlterTable
ALTER TABLE "Contest" ADD COLUMN     "certificateSignature" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "certificateWording" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "feedback" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "feedbackReleasedAt" TIMESTAMP(3),
ADD COLUMN     "feedbackScores" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "certificateCode" TEXT;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "noteEdited" TEXT,
ADD COLUMN     "noteHeld" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Entry_certificateCode_key" ON "Entry"("certificateCode");

