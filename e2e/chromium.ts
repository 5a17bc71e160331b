// Finds the Chromium or Chrome the browser tests drive: CHROMIUM_PATH, else a usual place.
import { existsSync } from "node:fs";

const candidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export function findChromium(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : undefined;
  return candidates.find((path) => existsSync(path));
}

export const missingChromiumMessage = `No Chromium or Chrome was found for the browser tests.
Install one (Debian/Ubuntu: apt-get install -y chromium) or point CHROMIUM_PATH at its executable.`;

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
