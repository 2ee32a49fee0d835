-- Indexes the organizers' dashboard counts from without reading the tables' rows: entries by
-- category, status and day, entrants, what retention would delete, judges' progress per round.
CREATE INDEX "Entry_counts_idx" ON "Entry"("contestId", "entrantId", "status", "categoryId", "submittedAt", "anonymisedAt", "id");
-- The judges' progress index starts with the columns of the one it replaces.
DROP INDEX "Assignment_contestId_round_idx";
CREATE INDEX "Assignment_progress_idx" ON "Assignment"("contestId", "round", "judgeId", "status", "recusedAt");
