-- What the results' maths read of a contest's entries changes far less often than the entries
-- do (a file, a message, a certificate or the final's shortlist moves Entry."updatedAt"), so the
-- database keeps a revision of it (app/models/results.server.ts reads it): a results view can
-- tell from one row whether its last computation still holds, and reuses the entries it read.
--
-- ContestTally, kind "revision" (each count only ever goes up):
--   key "entries"    an eligible entry came or went, or changed category, title or reference code
--   key "shortlist"  an eligible entry joined or left the final's shortlist
--   key "sheets:<round>"  a sheet of the round came, or changed what the results read of it (below)
--   key "gone:<round>"    a sheet of the round was deleted, or left its round or contest
-- Written only while the contest exists, so that what a deleted contest leaves behind (deleted
-- by trigger Contest_tally_delete, whatever order the cascade runs in) is never written again.
CREATE TRIGGER "Entry_revision_insert" AFTER INSERT ON "Entry" WHEN NEW."status" = 'eligible' BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'revision', 'entries', 1 WHERE EXISTS (SELECT 1 FROM "Contest" c WHERE c."id" = NEW."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Entry_revision_delete" AFTER DELETE ON "Entry" WHEN OLD."status" = 'eligible' BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT OLD."contestId", 'revision', 'entries', 1 WHERE EXISTS (SELECT 1 FROM "Contest" c WHERE c."id" = OLD."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Entry_revision_update" AFTER UPDATE OF "contestId", "categoryId", "status", "title", "referenceCode" ON "Entry"
    WHEN (OLD."status" = 'eligible' OR NEW."status" = 'eligible')
      AND (OLD."contestId" IS NOT NEW."contestId" OR OLD."categoryId" IS NOT NEW."categoryId"
        OR OLD."status" IS NOT NEW."status" OR OLD."title" IS NOT NEW."title"
        OR OLD."referenceCode" IS NOT NEW."referenceCode")
BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT c."id", 'revision', 'entries', 1 FROM "Contest" c WHERE c."id" IN (OLD."contestId", NEW."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Entry_revision_shortlist" AFTER UPDATE OF "shortlisted" ON "Entry"
    WHEN (OLD."status" = 'eligible' OR NEW."status" = 'eligible') AND OLD."shortlisted" IS NOT NEW."shortlisted"
BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT c."id", 'revision', 'shortlist', 1 FROM "Contest" c WHERE c."id" IN (OLD."contestId", NEW."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

-- The shortlist laid over the scoring round's results at each view, without reading every entry.
CREATE INDEX "Entry_shortlist_idx" ON "Entry"("contestId", "shortlisted", "status");

-- What the results read of a round's sheets, per round: key "sheets:<round>" counts each change
-- of a sheet the results read, key "gone:<round>" a sheet deleted or moved to another round or
-- contest. Each changed row is marked with the count its change made, so the results read only
-- the rows marked since their last computation, and read everything again when a sheet has gone.
ALTER TABLE "Assignment" ADD COLUMN "changeMark" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "Assignment_changes_idx" ON "Assignment"("contestId", "round", "changeMark");

CREATE TRIGGER "Assignment_revision_insert" AFTER INSERT ON "Assignment" BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'revision', 'sheets:' || NEW."round", 1 WHERE EXISTS (SELECT 1 FROM "Contest" c WHERE c."id" = NEW."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    UPDATE "Assignment" SET "changeMark" = (
            SELECT t."count" FROM "ContestTally" t
            WHERE t."contestId" = NEW."contestId" AND t."kind" = 'revision' AND t."key" = 'sheets:' || NEW."round")
        WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Assignment_revision_update" AFTER UPDATE OF "contestId", "round", "entryId", "judgeId", "extra", "recusedAt", "scores", "status" ON "Assignment"
    WHEN OLD."contestId" IS NOT NEW."contestId" OR OLD."round" IS NOT NEW."round" OR OLD."entryId" IS NOT NEW."entryId"
      OR OLD."judgeId" IS NOT NEW."judgeId" OR OLD."extra" IS NOT NEW."extra" OR OLD."recusedAt" IS NOT NEW."recusedAt"
      OR OLD."scores" IS NOT NEW."scores" OR OLD."status" IS NOT NEW."status"
BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT OLD."contestId", 'revision', 'gone:' || OLD."round", 1
        WHERE (OLD."contestId" IS NOT NEW."contestId" OR OLD."round" IS NOT NEW."round")
          AND EXISTS (SELECT 1 FROM "Contest" c WHERE c."id" = OLD."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'revision', 'sheets:' || NEW."round", 1 WHERE EXISTS (SELECT 1 FROM "Contest" c WHERE c."id" = NEW."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    UPDATE "Assignment" SET "changeMark" = (
            SELECT t."count" FROM "ContestTally" t
            WHERE t."contestId" = NEW."contestId" AND t."kind" = 'revision' AND t."key" = 'sheets:' || NEW."round")
        WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Assignment_revision_delete" AFTER DELETE ON "Assignment" BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT OLD."contestId", 'revision', 'gone:' || OLD."round", 1 WHERE EXISTS (SELECT 1 FROM "Contest" c WHERE c."id" = OLD."contestId")
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;
