-- After the results: judges' notes to entrants, reviewed and released by organizers, with the
-- scores entrants may read beside them, and the certificates' wording and check codes.
ALTER TABLE "Contest" ADD COLUMN "feedback" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Contest" ADD COLUMN "feedbackScores" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Contest" ADD COLUMN "feedbackReleasedAt" DATETIME;
ALTER TABLE "Contest" ADD COLUMN "certificateWording" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Contest" ADD COLUMN "certificateSignature" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Assignment" ADD COLUMN "noteEdited" TEXT;
ALTER TABLE "Assignment" ADD COLUMN "noteHeld" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Entry" ADD COLUMN "certificateCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Entry_certificateCode_key" ON "Entry"("certificateCode");
