// Signs in once through the sign-in page (the real next-auth demo flow) and saves the session for the other specs.
import { expect, test as setup } from "@playwright/test";
import { e2eEnv } from "../playwright.config";

export const AGENT_STATE = "e2e/.auth/agent.json";

setup("sign in as the demo agent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Agent name").fill("e2e");
  await page.getByLabel("Password").fill(e2eEnv.demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  // Through the page's own fetch: the session endpoint re-issues the cookie, and Chromium must keep it partitioned.
  const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json() as Promise<unknown>);
  expect(session).toMatchObject({ user: { name: "e2e" }, source: "standalone" });
  await page.context().storageState({ path: AGENT_STATE });
});
