-- What the results' maths read of a contest's entries changes far less often than the entries
-- do, so the database keeps a revision of it in ContestTally, kind "revision": key "entries"
-- (an eligible entry came or went, or changed category, title or reference code) and key
-- "shortlist" (an eligible entry joined or left the final's shortlist). The SQLite migration of
-- the same name has the same triggers, and says why.
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

-- A round's sheets saved since a moment, and the aggregate that tells whether any changed.
CREATE INDEX "Assignment_changes_idx" ON "Assignment"("contestId", "round", "updatedAt", "revision");
