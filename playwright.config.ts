import { generateKeyPairSync } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Ports are overridable so several checkouts can run their suites at once on one machine.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4110);

// Embedding tests: a cross-site host page (allowed to frame the app), one that is not, and a real OpenID provider.
const hostPort = Number(process.env.E2E_HOST_PORT ?? appPort + 20);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? appPort + 30);

/**
 * The "Zendesk app" key pair, generated once per run. Workers re-evaluate this file but inherit the main process's
 * environment, so they see the same pair: the test signs with the private key, the app verifies with the public one.
 */
if (!process.env.E2E_ZENDESK_PRIVATE_KEY || !process.env.E2E_ZENDESK_PUBLIC_KEY) {
  const pair = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  process.env.E2E_ZENDESK_PRIVATE_KEY = pair.privateKey;
  process.env.E2E_ZENDESK_PUBLIC_KEY = pair.publicKey;
}

export const e2eEnv = {
  appUrl: `http://localhost:${appPort}`,
  /** Same app, other site: host pages are served from here (127.0.0.1 and localhost are different sites). */
  hostUrl: `http://127.0.0.1:${hostPort}`,
  /** A host origin that is NOT in EMBED_ALLOWED_ORIGINS. */
  foreignHostUrl: `http://127.0.0.1:${hostPort + 1}`,
  oidcIssuer: `http://127.0.0.1:${oidcPort}`,
  oidcClientId: "sidebar-e2e",
  oidcClientSecret: "sidebar-e2e-secret",
  oidcAllowedDomain: "acme.test",
  zendeskAudience: "https://sidebar.e2e.test/embed/zendesk",
  zendeskPrivateKey: process.env.E2E_ZENDESK_PRIVATE_KEY,
  zendeskPublicKey: process.env.E2E_ZENDESK_PUBLIC_KEY,
  salesforceSecret: "e2e-canvas-consumer-secret",
  simUrl: `http://127.0.0.1:${simPort}`,
  simToken: "sim-token",
  spaceId: "spa_demo",
  demoPassword: "demo",
  /** The app's AUTH_SECRET, so a test can mint a session token the way next-auth does (e.g. an expired one). */
  authSecret: "e2e-only-secret-e2e-only-secret-e2e-only",
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
      command: "tsx e2e/support/oidc-server.ts",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      env: {
        OIDC_PORT: String(oidcPort),
        OIDC_CLIENT_ID: "sidebar-e2e",
        OIDC_CLIENT_SECRET: "sidebar-e2e-secret",
        OIDC_REDIRECT_URI: `http://localhost:${appPort}/api/auth/callback/oidc`,
      },
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
        AUTH_SECRET: e2eEnv.authSecret,
        // The run's audit trail, outside the checkout (one file per app port: parallel checkouts never share it).
        AUDIT_DB_PATH: path.join(tmpdir(), `sidebar-e2e-audit-${appPort}`, "audit.db"),
        DEMO_PASSWORD: e2eEnv.demoPassword,
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: "sidebar-e2e",
        OIDC_CLIENT_SECRET: "sidebar-e2e-secret",
        OIDC_ALLOWED_EMAIL_DOMAINS: "acme.test",
        // Roles (DESIGN §10): IdP groups and Salesforce profile ids; demo names.
        ROLE_MAP: "sidebar-supervisors:supervisor,sidebar-auditors:auditor,00eSUPERVISOR:supervisor",
        DEMO_ROLES: "supervisor:supervisor,auditor:auditor",
        ZENDESK_APP_PUBLIC_KEY: process.env.E2E_ZENDESK_PUBLIC_KEY,
        ZENDESK_APP_AUDIENCE: "https://sidebar.e2e.test/embed/zendesk",
        // The tokens' iss is acme.zendesk.com; globex is allowed too, to test that the origin must be the token's account.
        ZENDESK_ALLOWED_SUBDOMAINS: "acme,globex",
        ZENDESK_IDENTIFIER_ORDER: "user_id,email,phone",
        SALESFORCE_CANVAS_CONSUMER_SECRET: "e2e-canvas-consumer-secret",
        SALESFORCE_RECORD_FIELD_MAPPING: "Contact.External_Id__c=user_id,Contact.Email=email,Lead.Email=email",
        EMBED_ALLOWED_ORIGINS: `http://127.0.0.1:${hostPort}`,
        // The live timeline polls every 3 s here (20 s by default), so its tests wait seconds, not minutes.
        LIVE_TIMELINE_INTERVAL_SECONDS: "3",
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
