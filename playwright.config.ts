import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium, missingChromiumMessage } from "./e2e/chromium";

const executablePath = findChromium();
if (!executablePath) throw new Error(missingChromiumMessage);

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** The publishing API's token on the test server (see e2e/publishing.spec.ts). */
export const adminToken = "e2e-admin-token-0123456789abcdef01234567";

// Browser tests run against the production build (npm run build), on a store of their own.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: { executablePath, args: chromiumArgs },
    trace: "off",
  },
  webServer: {
    command: "node dist/server/main.js",
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseURL,
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "dispatch-e2e-")), "store.db")}`,
      LOG_REQUESTS: "0",
      // A test may speak for a reader of its own (X-Forwarded-For): all browsers here are 127.0.0.1.
      TRUST_PROXY: "true",
      ADMIN_TOKEN: adminToken,
      // The server must render with React's production build whatever the shell says (see e2e/delivery.spec.ts).
      NODE_ENV: "development",
    },
  },
});
