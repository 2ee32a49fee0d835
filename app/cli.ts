import path from "node:path";
import { z } from "zod";
import { DEMO_SLUG } from "../prisma/demo-contest";
import { scoreDemoAssignments, seedDemoEntries } from "../prisma/demo-entries";
import { attachDemoMedia } from "../prisma/demo-media";
import { runAssignment } from "./models/assignment.server";
import { ensureOrganizer } from "./models/user.server";
import { backup, BackupError, restore } from "./services/backup.server";
import { db } from "./services/db.server";
import { env, EnvError, reloadEnv } from "./services/env.server";

/**
 * Mosaic's command line, for whoever runs an installation:
 *   npm run mosaic -- create-organizer EMAIL [--admin]
 *   npm run mosaic -- seed-demo --entries N
 *   npm run mosaic -- backup DIR | restore DIR [--force]
 * It works on whatever database DATABASE_URL names.
 */
const usage = `Usage: npm run mosaic -- <command>

Commands:
  create-organizer EMAIL [--admin]
                           make EMAIL an organizer (creating the account if needed); with
                           --admin an administrator, who also manages roles on /organize/people
  seed-demo --entries N [--media M]
                           fill the demo contest with N entries (drafts, submitted, eligible),
                           judges with declared conflicts, assignments and scores; M of the
                           submitted entries (300 by default, 0 for none) get a small generated
                           file, checked like an upload
  backup DIR               write a consistent copy of the database (while Mosaic runs) and a
                           manifest of the media objects it refers to into the new folder DIR
  restore DIR [--force]    bring a backup back into the database DATABASE_URL names (a new
                           one, or --force to replace it; stop Mosaic first), then check it
                           against the manifest and look for each media object in the bucket
  help                     show this help`;

/**
 * Storage for commands that write files. Outside production, without S3_ENDPOINT, the embedded
 * server is started on a free port over the same folder `npm run dev` serves, so the files are
 * there whether or not the app is running.
 */
async function storageForCli() {
  if (process.env.S3_ENDPOINT || process.env.NODE_ENV === "production") return async () => {};
  const { startEmbeddedStorage, EMBEDDED_S3_CREDENTIALS } = await import("./server/embedded-storage");
  const started = await startEmbeddedStorage({
    port: 0,
    directory: path.resolve(env().DATA_DIR, "s3"),
    bucket: env().S3_BUCKET,
    origins: [new URL(env().APP_URL).origin],
  });
  Object.assign(process.env, {
    S3_ENDPOINT: started.endpoint,
    S3_ACCESS_KEY_ID: EMBEDDED_S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  });
  reloadEnv();
  return started.close;
}

async function main(args: string[]) {
  const [command, ...rest] = args;
  switch (command) {
    case "create-organizer": {
      const email = z.string().trim().email().safeParse(rest[0]);
      if (!email.success) {
        console.error(`"${rest[0] ?? ""}" is not an email address.\n\n${usage}`);
        return 2;
      }
      const role = rest.includes("--admin") ? "admin" : "organizer";
      const { user, changed } = await ensureOrganizer(email.data, role);
      const named = (r: string) => (r === "admin" ? "an administrator" : "an organizer");
      console.log(
        changed ? `${user.email} is now ${named(user.role)}.` : `${user.email} was already ${named(user.role)}.`,
      );
      return 0;
    }
    case "seed-demo": {
      const flag = rest.indexOf("--entries");
      const count = z.coerce
        .number()
        .int()
        .min(1)
        .max(100_000)
        .safeParse(flag >= 0 ? rest[flag + 1] : "200");
      if (!count.success) {
        console.error(`--entries takes a number from 1 to 100000.\n\n${usage}`);
        return 2;
      }
      const contest = await db.contest.findUnique({ where: { slug: DEMO_SLUG } });
      if (!contest) {
        console.error(`No demo contest "${DEMO_SLUG}": run \`npm run setup\` first.`);
        return 1;
      }
      const mediaFlag = rest.indexOf("--media");
      const media = z.coerce
        .number()
        .int()
        .min(0)
        .max(100_000)
        .safeParse(mediaFlag >= 0 ? rest[mediaFlag + 1] : String(Math.min(300, count.data)));
      if (!media.success) {
        console.error(`--media takes a number from 0 to 100000.\n\n${usage}`);
        return 2;
      }
      const { judges } = await seedDemoEntries(db, contest.id, count.data);
      const run = await runAssignment(contest.id);
      const scored = await scoreDemoAssignments(db, contest.id);
      console.log(
        `Added ${count.data} entries and ${judges} judges to ${DEMO_SLUG}: ${run.created} assignments, ${scored} scored.`,
      );
      if (media.data > 0) {
        const stop = await storageForCli();
        try {
          const files = await attachDemoMedia(db, contest.id, media.data);
          console.log(`Gave ${files} entries a generated file, checked like an upload.`);
        } finally {
          await stop();
        }
      }
      return 0;
    }
    case "backup": {
      if (!rest[0]) {
        console.error(`backup needs a folder.\n\n${usage}`);
        return 2;
      }
      const manifest = await backup(rest[0]);
      const { users, entries, scoreSheets } = manifest.counts;
      console.log(
        `Backed up the ${manifest.engine} database into ${path.resolve(rest[0])}: ${users} people, ${entries} entries, ${scoreSheets} score sheets, ${manifest.objects.length} media objects listed in manifest.json.`,
      );
      return 0;
    }
    case "restore": {
      if (!rest[0]) {
        console.error(`restore needs a backup folder.\n\n${usage}`);
        return 2;
      }
      const stop = await storageForCli();
      try {
        const report = await restore(rest[0], { force: rest.includes("--force") });
        const expected = JSON.stringify(report.manifest.counts);
        const found = JSON.stringify(report.counts);
        console.log(`Restored ${path.resolve(rest[0])} (taken ${report.manifest.createdAt}): ${found}.`);
        if (found !== expected) console.error(`The backup's manifest lists ${expected}.`);
        if (report.missingObjects.length) {
          console.error(
            `${report.missingObjects.length} of ${report.manifest.objects.length} media objects are not in the bucket, for example ${report.missingObjects[0]}: restore the bucket too.`,
          );
        } else {
          console.log(`All ${report.manifest.objects.length} media objects the database refers to are in the bucket.`);
        }
        return found === expected && report.missingObjects.length === 0 ? 0 : 1;
      } finally {
        await stop();
      }
    }
    case undefined:
    case "help":
    case "--help":
      console.log(usage);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof EnvError || error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
