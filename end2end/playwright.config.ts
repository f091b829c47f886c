import { defineConfig } from "@playwright/test";

// The server under test: the binary cargo-leptos built, on a fresh SQLite
// file, on a port of its own. `make e2e` sets SAMRAD_BIN.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fixed place per port, so tests can read the server's outbox with
// `samrad outbox`; e2e-server empties it at every start.
process.env.E2E_DATABASE_URL = `sqlite:///tmp/samrad-e2e-${port}/samrad.db`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: chromium,
    locale: "sv-SE",
    trace: "off",
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "nojs", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: "../scripts/e2e-server",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { E2E_PORT: String(port), E2E_DATABASE_URL: process.env.E2E_DATABASE_URL },
    stdout: "ignore",
    stderr: "pipe",
  },
});
