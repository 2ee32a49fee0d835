-- Web renditions of videos and recordings: what judges, guardians and visitors play.
ALTER TABLE "MediaAsset" ADD COLUMN     "webKey" TEXT,
ADD COLUMN     "lightKey" TEXT;

-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "submitWhenReadyAt" TIMESTAMP(3);
