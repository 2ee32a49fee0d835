-- What the results' maths read of a contest's entries changes far less often than the entries
-- do (a file, a message, a certificate or the final's shortlist moves Entry."updatedAt"), so the
-- database keeps a revision of it (app/models/results.server.ts reads it): a results view can
-- tell from one row whether its last computation still holds, and reuses the entries it read.
--
-- ContestTally, kind "revision" (each count only ever goes up):
--   key "entries"    an eligible entry came or went, or changed category, title or reference code
--   key "shortlist"  an eligible entry joined or left the final's shortlist
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

-- A round's sheets saved since a moment, and the aggregate that tells whether any changed, from
-- the index alone.
CREATE INDEX "Assignment_changes_idx" ON "Assignment"("contestId", "round", "updatedAt", "revision");
