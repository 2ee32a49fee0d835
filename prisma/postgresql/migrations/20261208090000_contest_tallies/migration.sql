-- What the organizers' dashboard shows of a contest's entries, kept up to date by the database
-- itself as entries, their files and their entrants change (app/models/dashboard.server.ts reads
-- it): a page of a 50,000-entry contest reads a few hundred rows, not 50,000. The SQLite
-- migration of the same name has the same tables and triggers, and says what each count is.
CREATE TABLE "ContestTally" (
    "contestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ContestTally_pkey" PRIMARY KEY ("contestId", "kind", "key")
);

CREATE TABLE "ContestEntrant" (
    "contestId" TEXT NOT NULL,
    "entrantId" TEXT NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "country" TEXT,
    "dateOfBirth" TEXT,
    CONSTRAINT "ContestEntrant_pkey" PRIMARY KEY ("contestId", "entrantId")
);
CREATE INDEX "ContestEntrant_entrantId_idx" ON "ContestEntrant"("entrantId");

-- The 15-minute slot of an instant, as the SQLite triggers write it.
CREATE FUNCTION "tally_slot"("at" TIMESTAMP(3)) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT FLOOR(EXTRACT(EPOCH FROM "at") / 900)::BIGINT::TEXT
$$;

-- Adds an entry's part of the counts.
CREATE FUNCTION "Entry_tally_add"(e "Entry") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        VALUES (e."contestId", 'status', e."categoryId" || ':' || e."status", 1)
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
    IF e."submittedAt" IS NOT NULL THEN
        INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
            VALUES (e."contestId", 'slot', "tally_slot"(e."submittedAt"), 1)
            ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
    END IF;
    IF e."anonymisedAt" IS NULL THEN
        INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
            VALUES (e."contestId", 'left', '', 1)
            ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
        INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
            VALUES (e."contestId", 'files', '', (SELECT COUNT(*) FROM "MediaAsset" m WHERE m."entryId" = e."id"))
            ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + EXCLUDED."count";
    END IF;
    IF e."status" <> 'withdrawn' THEN
        INSERT INTO "ContestEntrant" ("contestId", "entrantId", "entries", "country", "dateOfBirth")
            SELECT e."contestId", e."entrantId", 0, u."country", u."dateOfBirth" FROM "User" u WHERE u."id" = e."entrantId"
            ON CONFLICT ("contestId", "entrantId") DO NOTHING;
        INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
            SELECT ce."contestId", 'people', COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", ''), 1
            FROM "ContestEntrant" ce
            WHERE ce."contestId" = e."contestId" AND ce."entrantId" = e."entrantId" AND ce."entries" = 0
            ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
        UPDATE "ContestEntrant" SET "entries" = "entries" + 1
            WHERE "contestId" = e."contestId" AND "entrantId" = e."entrantId";
    END IF;
END
$$;

-- Takes an entry's part of the counts away, its files' only with "files" (a deleted entry's are
-- taken away before the delete, see Entry_tally_files).
CREATE FUNCTION "Entry_tally_remove"(e "Entry", "files" BOOLEAN) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = e."contestId" AND "kind" = 'status' AND "key" = e."categoryId" || ':' || e."status";
    IF e."submittedAt" IS NOT NULL THEN
        UPDATE "ContestTally" SET "count" = "count" - 1
            WHERE "contestId" = e."contestId" AND "kind" = 'slot' AND "key" = "tally_slot"(e."submittedAt");
    END IF;
    IF e."anonymisedAt" IS NULL THEN
        UPDATE "ContestTally" SET "count" = "count" - 1
            WHERE "contestId" = e."contestId" AND "kind" = 'left' AND "key" = '';
        IF "files" THEN
            UPDATE "ContestTally" SET "count" = "count" - (SELECT COUNT(*) FROM "MediaAsset" m WHERE m."entryId" = e."id")
                WHERE "contestId" = e."contestId" AND "kind" = 'files' AND "key" = '';
        END IF;
    END IF;
    IF e."status" <> 'withdrawn' THEN
        UPDATE "ContestEntrant" SET "entries" = "entries" - 1
            WHERE "contestId" = e."contestId" AND "entrantId" = e."entrantId";
        UPDATE "ContestTally" t SET "count" = t."count" - 1 FROM "ContestEntrant" ce
            WHERE ce."contestId" = e."contestId" AND ce."entrantId" = e."entrantId" AND ce."entries" <= 0
              AND t."contestId" = e."contestId" AND t."kind" = 'people'
              AND t."key" = COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", '');
        DELETE FROM "ContestEntrant"
            WHERE "contestId" = e."contestId" AND "entrantId" = e."entrantId" AND "entries" <= 0;
    END IF;
END
$$;

CREATE FUNCTION "Entry_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "Entry_tally_remove"(OLD, TG_OP = 'UPDATE'); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "Entry_tally_add"(NEW); END IF;
    RETURN NULL;
END
$$;

-- A deleted entry's files, before the cascade deletes them: once the entry is gone, a file's own
-- trigger no longer counts it.
CREATE FUNCTION "Entry_tally_files"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."anonymisedAt" IS NULL THEN
        UPDATE "ContestTally" SET "count" = "count" - (SELECT COUNT(*) FROM "MediaAsset" m WHERE m."entryId" = OLD."id")
            WHERE "contestId" = OLD."contestId" AND "kind" = 'files' AND "key" = '';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER "Entry_tally_files" BEFORE DELETE ON "Entry" FOR EACH ROW EXECUTE FUNCTION "Entry_tally_files"();
CREATE TRIGGER "Entry_tally_insert_delete" AFTER INSERT OR DELETE ON "Entry"
    FOR EACH ROW EXECUTE FUNCTION "Entry_tally"();
CREATE TRIGGER "Entry_tally_update" AFTER UPDATE OF "contestId", "categoryId", "entrantId", "status", "submittedAt", "anonymisedAt" ON "Entry"
    FOR EACH ROW
    WHEN (OLD."contestId" IS DISTINCT FROM NEW."contestId" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
      OR OLD."entrantId" IS DISTINCT FROM NEW."entrantId" OR OLD."status" IS DISTINCT FROM NEW."status"
      OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt" OR OLD."anonymisedAt" IS DISTINCT FROM NEW."anonymisedAt")
    EXECUTE FUNCTION "Entry_tally"();

-- A file counts while its entry exists and is not anonymised.
CREATE FUNCTION "MediaAsset_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE "ContestTally" t SET "count" = t."count" - 1 FROM "Entry" e
            WHERE e."id" = OLD."entryId" AND e."anonymisedAt" IS NULL
              AND t."contestId" = e."contestId" AND t."kind" = 'files' AND t."key" = '';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
            SELECT e."contestId", 'files', '', 1 FROM "Entry" e WHERE e."id" = NEW."entryId" AND e."anonymisedAt" IS NULL
            ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "MediaAsset_tally_insert_delete" AFTER INSERT OR DELETE ON "MediaAsset"
    FOR EACH ROW EXECUTE FUNCTION "MediaAsset_tally"();
CREATE TRIGGER "MediaAsset_tally_update" AFTER UPDATE OF "entryId" ON "MediaAsset"
    FOR EACH ROW WHEN (OLD."entryId" IS DISTINCT FROM NEW."entryId") EXECUTE FUNCTION "MediaAsset_tally"();

-- An entrant's new country or birth date moves them from one count to another in each contest
-- they are counted in.
CREATE FUNCTION "User_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ContestTally" t SET "count" = t."count" - 1 FROM "ContestEntrant" ce
        WHERE ce."entrantId" = NEW."id" AND t."contestId" = ce."contestId" AND t."kind" = 'people'
          AND t."key" = COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", '');
    UPDATE "ContestEntrant" SET "country" = NEW."country", "dateOfBirth" = NEW."dateOfBirth" WHERE "entrantId" = NEW."id";
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT ce."contestId", 'people', COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", ''), 1
        FROM "ContestEntrant" ce WHERE ce."entrantId" = NEW."id"
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER "User_tally_update" AFTER UPDATE OF "country", "dateOfBirth" ON "User"
    FOR EACH ROW
    WHEN (OLD."country" IS DISTINCT FROM NEW."country" OR OLD."dateOfBirth" IS DISTINCT FROM NEW."dateOfBirth")
    EXECUTE FUNCTION "User_tally"();

-- A judge's assignments by round and status, recused ones aside.
CREATE FUNCTION "Assignment_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."recusedAt" IS NULL THEN
        UPDATE "ContestTally" SET "count" = "count" - 1
            WHERE "contestId" = OLD."contestId" AND "kind" = 'progress'
              AND "key" = OLD."round" || ':' || OLD."judgeId" || ':' || OLD."status";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."recusedAt" IS NULL THEN
        INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
            VALUES (NEW."contestId", 'progress', NEW."round" || ':' || NEW."judgeId" || ':' || NEW."status", 1)
            ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "ContestTally"."count" + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Assignment_tally_insert_delete" AFTER INSERT OR DELETE ON "Assignment"
    FOR EACH ROW EXECUTE FUNCTION "Assignment_tally"();
CREATE TRIGGER "Assignment_tally_update" AFTER UPDATE OF "contestId", "round", "judgeId", "status", "recusedAt" ON "Assignment"
    FOR EACH ROW
    WHEN (OLD."contestId" IS DISTINCT FROM NEW."contestId" OR OLD."round" IS DISTINCT FROM NEW."round"
      OR OLD."judgeId" IS DISTINCT FROM NEW."judgeId" OR OLD."status" IS DISTINCT FROM NEW."status"
      OR (OLD."recusedAt" IS NULL) <> (NEW."recusedAt" IS NULL))
    EXECUTE FUNCTION "Assignment_tally"();

CREATE FUNCTION "Contest_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "ContestTally" WHERE "contestId" = OLD."id";
    DELETE FROM "ContestEntrant" WHERE "contestId" = OLD."id";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Contest_tally_delete" AFTER DELETE ON "Contest" FOR EACH ROW EXECUTE FUNCTION "Contest_tally"();

-- The counts of the contests there already are.
INSERT INTO "ContestEntrant" ("contestId", "entrantId", "entries", "country", "dateOfBirth")
    SELECT e."contestId", e."entrantId", COUNT(*), u."country", u."dateOfBirth"
    FROM "Entry" e JOIN "User" u ON u."id" = e."entrantId"
    WHERE e."status" <> 'withdrawn'
    GROUP BY e."contestId", e."entrantId", u."country", u."dateOfBirth";
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'status', "categoryId" || ':' || "status", COUNT(*) FROM "Entry" GROUP BY 1, 2, 3;
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'slot', "tally_slot"("submittedAt"), COUNT(*) FROM "Entry" WHERE "submittedAt" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'left', '', COUNT(*) FROM "Entry" WHERE "anonymisedAt" IS NULL GROUP BY 1, 2, 3;
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT e."contestId", 'files', '', COUNT(*) FROM "MediaAsset" m JOIN "Entry" e ON e."id" = m."entryId"
    WHERE e."anonymisedAt" IS NULL GROUP BY 1, 2, 3;
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'people', COALESCE("country", '') || '/' || COALESCE("dateOfBirth", ''), COUNT(*)
    FROM "ContestEntrant" GROUP BY 1, 2, 3;
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'progress', "round" || ':' || "judgeId" || ':' || "status", COUNT(*)
    FROM "Assignment" WHERE "recusedAt" IS NULL GROUP BY 1, 2, 3;
