-- The contest's own texts (and its categories' names and descriptions) in its other languages.
ALTER TABLE "Contest" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "Category" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
