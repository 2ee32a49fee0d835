-- Web renditions of videos and recordings: what judges, guardians and visitors play.
ALTER TABLE "MediaAsset" ADD COLUMN "webKey" TEXT;
ALTER TABLE "MediaAsset" ADD COLUMN "lightKey" TEXT;
