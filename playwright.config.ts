import { defineConfig } from "@playwright/test";

// Ports are overridable so several checkouts can run their suites at once on one machine.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4110);

export const e2eEnv = {
  appUrl: `http://localhost:${appPort}`,
  simUrl: `http://127.0.0.1:${simPort}`,
  simToken: "sim-token",
  spaceId: "spa_demo",
  demoPassword: "demo",
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: e2eEnv.appUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: "tsx simulator/cli.ts",
      url: `${e2eEnv.simUrl}/__admin/health`,
      env: { SIM_PORT: String(simPort), SIM_TOKEN: e2eEnv.simToken, SIM_SPACE_ID: e2eEnv.spaceId },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "npm start",
      url: `http://127.0.0.1:${appPort}/api/health`,
      env: {
        PORT: String(appPort),
        HOST: "127.0.0.1",
        SEGMENT_SPACE_ID: e2eEnv.spaceId,
        SEGMENT_ACCESS_TOKEN: e2eEnv.simToken,
        PROFILE_API_URL: e2eEnv.simUrl,
        AUTH_SECRET: "e2e-only-secret-e2e-only-secret-e2e-only",
        DEMO_PASSWORD: e2eEnv.demoPassword,
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], use: { storageState: "e2e/.auth/agent.json" } },
  ],
});
