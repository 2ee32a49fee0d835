import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Finds Chromium for the browser tests. When it is missing and this is Debian run as root, it
 * installs Debian's package; otherwise it stops with the command to run. Never a silent skip.
 */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const INSTALL = "sudo apt-get update && sudo apt-get install -y chromium";

export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    return configured;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get") && existsSync("/etc/debian_version")) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
      stdio: "inherit",
    });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(
    `The browser tests need Chromium and none was found (looked in ${CANDIDATES.join(", ")}).\n` +
      `Install it with:\n\n    ${INSTALL}\n\nor set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}
