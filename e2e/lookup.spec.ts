// The forgiving lookup (issue 11): the type read from the value, normalised, alternatives tried, the form kept.
import { expect, test, type Page } from "@playwright/test";

const lookUp = async (page: Page, value: string) => {
  await page.getByLabel("Value").fill(value);
  await page.getByRole("button", { name: "Look up" }).click();
};

test("pastes with the default type: an e-mail in any case, mailto:, a formatted phone number", async ({ page }) => {
  for (const [typed, id] of [
    ["Ada@Example.com", "email:ada@example.com"],
    ["mailto:ada@example.com", "email:ada@example.com"],
    ["+1 555 010 0001", "phone:+15550100001"],
  ] as const) {
    await page.goto("/");
    await expect(page.getByLabel("Value")).toBeFocused(); // the page is for looking up: the field has focus
    await lookUp(page, typed);
    // The address names the profile by its handle, never by what was typed (DESIGN §10).
    await expect(page).toHaveURL(/\/profiles\/users\/h1\.[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
    await expect(page.getByText(`user · ${id}`)).toBeVisible();
  }
  await page.goto("/");
  const recents = page.getByRole("region", { name: "Recent lookups" });
  await expect(recents.getByRole("link", { name: /Ada Lovelace · email:ada@example.com/ })).toBeVisible();
});

test("a miss keeps the form filled and is not remembered; a likely alternative is offered", async ({ page }) => {
  await page.goto("/");
  await lookUp(page, "nobody-here@example.com");
  await expect(page.getByTestId("lookup-outcome")).toContainText("No profile found for email:nobody-here@example.com");
  await expect(page.getByLabel("Value")).toHaveValue("nobody-here@example.com");
  await expect(page.getByRole("region", { name: "Recent lookups" }).getByRole("link")).toHaveCount(0);
  await page.getByLabel("Identifier type").selectOption("anonymous_id");
  await lookUp(page, "u_ada");
  const suggestion = page.getByTestId("lookup-outcome").getByRole("button", { name: "user_id:u_ada" });
  await expect(page.getByTestId("lookup-outcome")).toContainText("No profile for anonymous_id:u_ada. Did you mean");
  await suggestion.click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
});
