-- What the results' maths read of a contest's entries changes far less often than the entries
-- do, so the database keeps a revision of it in ContestTally, kind "revision": key "entries"
-- (an eligible entry came or went, or changed category, title or reference code), key
-- "shortlist" (an eligible entry joined or left the final's shortlist), and the sheets' (below).
-- The SQLite migration of the same name has the same triggers, and says why.
CREATE FUNCTION "results_revision"("contest" TEXT, "part" TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT c."id", 'revision', "part", 1 FROM "Contest" c WHERE c."id" = "contest"
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
END
$$;

CREATE FUNCTION "Entry_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW."status" = 'eligible' THEN PERFORM "results_revision"(NEW."contestId", 'entries'); END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD."status" = 'eligible' THEN PERFORM "results_revision"(OLD."contestId", 'entries'); END IF;
    ELSIF OLD."status" = 'eligible' OR NEW."status" = 'eligible' THEN
        IF OLD."contestId" IS DISTINCT FROM NEW."contestId" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
          OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."title" IS DISTINCT FROM NEW."title"
          OR OLD."referenceCode" IS DISTINCT FROM NEW."referenceCode" THEN
            PERFORM "results_revision"(OLD."contestId", 'entries');
            IF NEW."contestId" IS DISTINCT FROM OLD."contestId" THEN
                PERFORM "results_revision"(NEW."contestId", 'entries');
            END IF;
        END IF;
        IF OLD."shortlisted" IS DISTINCT FROM NEW."shortlisted" THEN
            PERFORM "results_revision"(OLD."contestId", 'shortlist');
            IF NEW."contestId" IS DISTINCT FROM OLD."contestId" THEN
                PERFORM "results_revision"(NEW."contestId", 'shortlist');
            END IF;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Entry_revision_insert_delete" AFTER INSERT OR DELETE ON "Entry"
    FOR EACH ROW EXECUTE FUNCTION "Entry_revision"();
CREATE TRIGGER "Entry_revision_update" AFTER UPDATE OF "contestId", "categoryId", "status", "title", "referenceCode", "shortlisted" ON "Entry"
    FOR EACH ROW EXECUTE FUNCTION "Entry_revision"();

-- The shortlist laid over the scoring round's results at each view, without reading every entry.
CREATE INDEX "Entry_shortlist_idx" ON "Entry"("contestId", "shortlisted", "status");

-- What the results read of a round's sheets, per round: key "sheets:<round>" counts each change
-- of a sheet the results read, and marks the changed row with its count, and key "gone:<round>" a
-- sheet deleted or moved to another round or contest. Holding the count's row until the
-- transaction ends, each change is marked in the order it commits.
ALTER TABLE "Assignment" ADD COLUMN "changeMark" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "Assignment_changes_idx" ON "Assignment"("contestId", "round", "changeMark");

CREATE FUNCTION "Assignment_mark"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD."contestId" IS DISTINCT FROM NEW."contestId" OR OLD."round" IS DISTINCT FROM NEW."round") THEN
        PERFORM "results_revision"(OLD."contestId", 'gone:' || OLD."round");
    END IF;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        VALUES (NEW."contestId", 'revision', 'sheets:' || NEW."round", 1)
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1
        RETURNING "count" INTO NEW."changeMark";
    RETURN NEW;
END
$$;

CREATE FUNCTION "Assignment_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "results_revision"(OLD."contestId", 'gone:' || OLD."round");
    RETURN NULL;
END
$$;

CREATE TRIGGER "Assignment_mark_insert" BEFORE INSERT ON "Assignment" FOR EACH ROW EXECUTE FUNCTION "Assignment_mark"();
CREATE TRIGGER "Assignment_mark_update" BEFORE UPDATE OF "contestId", "round", "entryId", "judgeId", "extra", "recusedAt", "scores", "status" ON "Assignment"
    FOR EACH ROW
    WHEN (OLD."contestId" IS DISTINCT FROM NEW."contestId" OR OLD."round" IS DISTINCT FROM NEW."round"
      OR OLD."entryId" IS DISTINCT FROM NEW."entryId" OR OLD."judgeId" IS DISTINCT FROM NEW."judgeId"
      OR OLD."extra" IS DISTINCT FROM NEW."extra" OR OLD."recusedAt" IS DISTINCT FROM NEW."recusedAt"
      OR OLD."scores" IS DISTINCT FROM NEW."scores" OR OLD."status" IS DISTINCT FROM NEW."status")
    EXECUTE FUNCTION "Assignment_mark"();
CREATE TRIGGER "Assignment_gone" AFTER DELETE ON "Assignment" FOR EACH ROW EXECUTE FUNCTION "Assignment_gone"();
