-- Web renditions of videos and recordings: what judges, guardians and visitors play, and an
-- entry submitted once its files are ready.
ALTER TABLE "MediaAsset" ADD COLUMN "webKey" TEXT;
ALTER TABLE "MediaAsset" ADD COLUMN "lightKey" TEXT;
ALTER TABLE "Entry" ADD COLUMN "submitWhenReadyAt" DATETIME;
