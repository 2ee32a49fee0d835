-- AlterTable
ALTER TABLE "MediaAsset" ADD COLUMN "partSize" INTEGER;
ALTER TABLE "MediaAsset" ADD COLUMN "uploadId" TEXT;
