import { z } from "zod";
import { ensureOrganizer } from "./models/user.server";
import { db } from "./services/db.server";
import { EnvError } from "./services/env.server";

/**
 * Mosaic's command line, for whoever runs an installation:
 *   npm run mosaic -- create-organizer EMAIL
 * It works on whatever database DATABASE_URL names.
 */
const usage = `Usage: npm run mosaic -- <command>

Commands:
  create-organizer EMAIL   make EMAIL an organizer (creating the account if needed)
  help                     show this help`;

async function main(args: string[]) {
  const [command, ...rest] = args;
  switch (command) {
    case "create-organizer": {
      const email = z.string().trim().email().safeParse(rest[0]);
      if (!email.success) {
        console.error(`"${rest[0] ?? ""}" is not an email address.\n\n${usage}`);
        return 2;
      }
      const { user, changed } = await ensureOrganizer(email.data);
      console.log(changed ? `${user.email} is now an organizer.` : `${user.email} was already an ${user.role}.`);
      return 0;
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
  console.error(error instanceof EnvError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
