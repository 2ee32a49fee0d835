-- What the organizers' dashboard shows of a contest's entries, kept up to date by the database
-- itself as entries, their files and their entrants change (app/models/dashboard.server.ts reads
-- it): a page of a 50,000-entry contest reads a few hundred rows, not 50,000.
--
-- ContestTally: one count a row.
--   status  key "categoryId:status"     entries
--   slot    key the 15-minute slot of submittedAt (seconds since 1970 / 900)   submissions
--   left    key ""                      entries not anonymised yet
--   files   key ""                      files of entries not anonymised yet
--   people  key "country/dateOfBirth"   entrants with an entry not withdrawn, each once
--   progress  key "round:judgeId:status"  judges' assignments, recused ones aside
-- ContestEntrant: an entrant's entries not withdrawn, in a contest, with the country and birth
-- date the entrant is counted under, so that a change of either moves the count.
--
-- Adding counts upserts; taking away only updates, so that what a deleted contest leaves behind
-- is deleted once and never written again. Neither table has a foreign key: their rows go with
-- their contest's (trigger Contest_tally_delete) in whatever order the cascade runs.
CREATE TABLE "ContestTally" (
    "contestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY ("contestId", "kind", "key")
);

CREATE TABLE "ContestEntrant" (
    "contestId" TEXT NOT NULL,
    "entrantId" TEXT NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "country" TEXT,
    "dateOfBirth" TEXT,
    PRIMARY KEY ("contestId", "entrantId")
);
CREATE INDEX "ContestEntrant_entrantId_idx" ON "ContestEntrant"("entrantId");

-- An entry's part of the counts is added when it is written and taken away when it is deleted;
-- a change of a counted column takes the old part away and adds the new one.
CREATE TRIGGER "Entry_tally_insert" AFTER INSERT ON "Entry" BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        VALUES (NEW."contestId", 'status', NEW."categoryId" || ':' || NEW."status", 1)
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'slot', CAST(CAST(strftime('%s', NEW."submittedAt") AS INTEGER) / 900 AS TEXT), 1
        WHERE NEW."submittedAt" IS NOT NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'left', '', 1 WHERE NEW."anonymisedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestEntrant" ("contestId", "entrantId", "entries", "country", "dateOfBirth")
        SELECT NEW."contestId", NEW."entrantId", 0, u."country", u."dateOfBirth" FROM "User" u
        WHERE u."id" = NEW."entrantId" AND NEW."status" <> 'withdrawn'
        ON CONFLICT ("contestId", "entrantId") DO NOTHING;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT ce."contestId", 'people', COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", ''), 1
        FROM "ContestEntrant" ce
        WHERE ce."contestId" = NEW."contestId" AND ce."entrantId" = NEW."entrantId" AND ce."entries" = 0
          AND NEW."status" <> 'withdrawn'
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    UPDATE "ContestEntrant" SET "entries" = "entries" + 1
        WHERE "contestId" = NEW."contestId" AND "entrantId" = NEW."entrantId" AND NEW."status" <> 'withdrawn';
END;

-- A deleted entry's files, before the cascade deletes them: once the entry is gone, a file's own
-- trigger no longer counts it.
CREATE TRIGGER "Entry_tally_delete_files" BEFORE DELETE ON "Entry" BEGIN
    UPDATE "ContestTally" SET "count" = "count" - (SELECT COUNT(*) FROM "MediaAsset" m WHERE m."entryId" = OLD."id")
        WHERE "contestId" = OLD."contestId" AND "kind" = 'files' AND "key" = '' AND OLD."anonymisedAt" IS NULL;
END;

CREATE TRIGGER "Entry_tally_delete" AFTER DELETE ON "Entry" BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'status' AND "key" = OLD."categoryId" || ':' || OLD."status";
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'slot' AND OLD."submittedAt" IS NOT NULL
          AND "key" = CAST(CAST(strftime('%s', OLD."submittedAt") AS INTEGER) / 900 AS TEXT);
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'left' AND "key" = '' AND OLD."anonymisedAt" IS NULL;
    UPDATE "ContestEntrant" SET "entries" = "entries" - 1
        WHERE "contestId" = OLD."contestId" AND "entrantId" = OLD."entrantId" AND OLD."status" <> 'withdrawn';
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'people' AND "key" = (
            SELECT COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", '') FROM "ContestEntrant" ce
            WHERE ce."contestId" = OLD."contestId" AND ce."entrantId" = OLD."entrantId" AND ce."entries" = 0)
          AND OLD."status" <> 'withdrawn';
    DELETE FROM "ContestEntrant"
        WHERE "contestId" = OLD."contestId" AND "entrantId" = OLD."entrantId" AND "entries" <= 0;
END;

CREATE TRIGGER "Entry_tally_update" AFTER UPDATE OF "contestId", "categoryId", "entrantId", "status", "submittedAt", "anonymisedAt" ON "Entry"
    WHEN OLD."contestId" IS NOT NEW."contestId" OR OLD."categoryId" IS NOT NEW."categoryId"
      OR OLD."entrantId" IS NOT NEW."entrantId" OR OLD."status" IS NOT NEW."status"
      OR OLD."submittedAt" IS NOT NEW."submittedAt" OR OLD."anonymisedAt" IS NOT NEW."anonymisedAt"
BEGIN
    -- the old part away
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'status' AND "key" = OLD."categoryId" || ':' || OLD."status";
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'slot' AND OLD."submittedAt" IS NOT NULL
          AND "key" = CAST(CAST(strftime('%s', OLD."submittedAt") AS INTEGER) / 900 AS TEXT);
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'left' AND "key" = '' AND OLD."anonymisedAt" IS NULL;
    UPDATE "ContestTally" SET "count" = "count" - (SELECT COUNT(*) FROM "MediaAsset" m WHERE m."entryId" = OLD."id")
        WHERE "contestId" = OLD."contestId" AND "kind" = 'files' AND "key" = '' AND OLD."anonymisedAt" IS NULL;
    UPDATE "ContestEntrant" SET "entries" = "entries" - 1
        WHERE "contestId" = OLD."contestId" AND "entrantId" = OLD."entrantId" AND OLD."status" <> 'withdrawn';
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'people' AND "key" = (
            SELECT COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", '') FROM "ContestEntrant" ce
            WHERE ce."contestId" = OLD."contestId" AND ce."entrantId" = OLD."entrantId" AND ce."entries" = 0)
          AND OLD."status" <> 'withdrawn';
    DELETE FROM "ContestEntrant"
        WHERE "contestId" = OLD."contestId" AND "entrantId" = OLD."entrantId" AND "entries" <= 0;
    -- the new part in
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        VALUES (NEW."contestId", 'status', NEW."categoryId" || ':' || NEW."status", 1)
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'slot', CAST(CAST(strftime('%s', NEW."submittedAt") AS INTEGER) / 900 AS TEXT), 1
        WHERE NEW."submittedAt" IS NOT NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'left', '', 1 WHERE NEW."anonymisedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'files', '', (SELECT COUNT(*) FROM "MediaAsset" m WHERE m."entryId" = NEW."id")
        WHERE NEW."anonymisedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + excluded."count";
    INSERT INTO "ContestEntrant" ("contestId", "entrantId", "entries", "country", "dateOfBirth")
        SELECT NEW."contestId", NEW."entrantId", 0, u."country", u."dateOfBirth" FROM "User" u
        WHERE u."id" = NEW."entrantId" AND NEW."status" <> 'withdrawn'
        ON CONFLICT ("contestId", "entrantId") DO NOTHING;
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT ce."contestId", 'people', COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", ''), 1
        FROM "ContestEntrant" ce
        WHERE ce."contestId" = NEW."contestId" AND ce."entrantId" = NEW."entrantId" AND ce."entries" = 0
          AND NEW."status" <> 'withdrawn'
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
    UPDATE "ContestEntrant" SET "entries" = "entries" + 1
        WHERE "contestId" = NEW."contestId" AND "entrantId" = NEW."entrantId" AND NEW."status" <> 'withdrawn';
END;

-- A file counts while its entry exists and is not anonymised.
CREATE TRIGGER "MediaAsset_tally_insert" AFTER INSERT ON "MediaAsset" BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT e."contestId", 'files', '', 1 FROM "Entry" e WHERE e."id" = NEW."entryId" AND e."anonymisedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "MediaAsset_tally_delete" AFTER DELETE ON "MediaAsset" BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "kind" = 'files' AND "key" = '' AND "contestId" = (
            SELECT e."contestId" FROM "Entry" e WHERE e."id" = OLD."entryId" AND e."anonymisedAt" IS NULL);
END;

CREATE TRIGGER "MediaAsset_tally_update" AFTER UPDATE OF "entryId" ON "MediaAsset"
    WHEN OLD."entryId" IS NOT NEW."entryId"
BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "kind" = 'files' AND "key" = '' AND "contestId" = (
            SELECT e."contestId" FROM "Entry" e WHERE e."id" = OLD."entryId" AND e."anonymisedAt" IS NULL);
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT e."contestId", 'files', '', 1 FROM "Entry" e WHERE e."id" = NEW."entryId" AND e."anonymisedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

-- An entrant's new country or birth date moves them from one count to another in each contest
-- they are counted in.
CREATE TRIGGER "User_tally_update" AFTER UPDATE OF "country", "dateOfBirth" ON "User"
    WHEN OLD."country" IS NOT NEW."country" OR OLD."dateOfBirth" IS NOT NEW."dateOfBirth"
BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "kind" = 'people' AND ("contestId", "key") IN (
            SELECT ce."contestId", COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", '')
            FROM "ContestEntrant" ce WHERE ce."entrantId" = NEW."id");
    UPDATE "ContestEntrant" SET "country" = NEW."country", "dateOfBirth" = NEW."dateOfBirth" WHERE "entrantId" = NEW."id";
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT ce."contestId", 'people', COALESCE(ce."country", '') || '/' || COALESCE(ce."dateOfBirth", ''), 1
        FROM "ContestEntrant" ce WHERE ce."entrantId" = NEW."id"
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

-- A judge's assignments by round and status, recused ones aside.
CREATE TRIGGER "Assignment_tally_insert" AFTER INSERT ON "Assignment" BEGIN
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'progress', NEW."round" || ':' || NEW."judgeId" || ':' || NEW."status", 1
        WHERE NEW."recusedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Assignment_tally_delete" AFTER DELETE ON "Assignment" BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'progress' AND OLD."recusedAt" IS NULL
          AND "key" = OLD."round" || ':' || OLD."judgeId" || ':' || OLD."status";
END;

CREATE TRIGGER "Assignment_tally_update" AFTER UPDATE OF "contestId", "round", "judgeId", "status", "recusedAt" ON "Assignment"
    WHEN OLD."contestId" IS NOT NEW."contestId" OR OLD."round" IS NOT NEW."round" OR OLD."judgeId" IS NOT NEW."judgeId"
      OR OLD."status" IS NOT NEW."status" OR (OLD."recusedAt" IS NULL) <> (NEW."recusedAt" IS NULL)
BEGIN
    UPDATE "ContestTally" SET "count" = "count" - 1
        WHERE "contestId" = OLD."contestId" AND "kind" = 'progress' AND OLD."recusedAt" IS NULL
          AND "key" = OLD."round" || ':' || OLD."judgeId" || ':' || OLD."status";
    INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
        SELECT NEW."contestId", 'progress', NEW."round" || ':' || NEW."judgeId" || ':' || NEW."status", 1
        WHERE NEW."recusedAt" IS NULL
        ON CONFLICT ("contestId", "kind", "key") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Contest_tally_delete" AFTER DELETE ON "Contest" BEGIN
    DELETE FROM "ContestTally" WHERE "contestId" = OLD."id";
    DELETE FROM "ContestEntrant" WHERE "contestId" = OLD."id";
END;

-- The counts of the contests there already are.
INSERT INTO "ContestEntrant" ("contestId", "entrantId", "entries", "country", "dateOfBirth")
    SELECT e."contestId", e."entrantId", COUNT(*), u."country", u."dateOfBirth"
    FROM "Entry" e JOIN "User" u ON u."id" = e."entrantId"
    WHERE e."status" <> 'withdrawn'
    GROUP BY e."contestId", e."entrantId", u."country", u."dateOfBirth";
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'status', "categoryId" || ':' || "status", COUNT(*) FROM "Entry" GROUP BY 1, 2, 3;
INSERT INTO "ContestTally" ("contestId", "kind", "key", "count")
    SELECT "contestId", 'slot', CAST(CAST(strftime('%s', "submittedAt") AS INTEGER) / 900 AS TEXT), COUNT(*)
    FROM "Entry" WHERE "submittedAt" IS NOT NULL GROUP BY 1, 2, 3;
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
