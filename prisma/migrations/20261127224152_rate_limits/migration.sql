/*
  Warnings:

  - You are about to drop the column `ipHash` on the `Verification` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "redirectTo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Verification" ("attempts", "codeHash", "createdAt", "email", "expiresAt", "id", "redirectTo", "tokenHash", "usedAt") SELECT "attempts", "codeHash", "createdAt", "email", "expiresAt", "id", "redirectTo", "tokenHash", "usedAt" FROM "Verification";
DROP TABLE "Verification";
ALTER TABLE "new_Verification" RENAME TO "Verification";
CREATE UNIQUE INDEX "Verification_tokenHash_key" ON "Verification"("tokenHash");
CREATE INDEX "Verification_email_createdAt_idx" ON "Verification"("email", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
