// Addresses of profiles as the app makes them (DESIGN §10): by handle, got from POST /api/lookup with the identifier in
// the body. Tests open profiles this way rather than by building an identifier URL (which only redirects here).
import type { Page } from "@playwright/test";

export type Found = { collection: "users" | "accounts"; handle: string; label: string };

/** The handle of exactly this `type:value`, asked from the signed-in browser itself (same-origin, its own cookie). */
export async function handleOf(page: Page, id: string): Promise<Found> {
  if (!page.url().startsWith("http")) await page.goto("/sign-in");
  return page.evaluate(async (identifier) => {
    const response = await fetch("/api/lookup", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ id: identifier }),
    });
    if (!response.ok) throw new Error(`lookup of a seeded identifier answered ${response.status}`);
    return (await response.json()) as Found;
  }, id);
}

/** The full page of the profile `id` names. */
export async function profileUrlOf(page: Page, id: string): Promise<string> {
  const { collection, handle } = await handleOf(page, id);
  return `/profiles/${collection}/${encodeURIComponent(handle)}`;
}

/** The compact sidebar of the profile `id` names. */
export async function sidebarUrlOf(page: Page, id: string): Promise<string> {
  const { handle } = await handleOf(page, id);
  return `/embed?${new URLSearchParams({ h: handle }).toString()}`;
}
