-- The folded forms of names and titles that searches compare (app/models/search.ts). The app
-- writes them with every name and title; rows written before this migration are filled in at
-- start-up (backfillSearchKeys), since SQL can't remove accents the same way on both engines.
ALTER TABLE "User" ADD COLUMN "searchName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Entry" ADD COLUMN "searchTitle" TEXT NOT NULL DEFAULT '';
