// Helpers shared by the timeline specs.
import type { Locator, Page } from "@playwright/test";

export const sidebarUrl = (id: string) => `/embed?id=${encodeURIComponent(id)}`;
export const profileUrl = (collection: string, id: string) => `/profiles/${collection}/${encodeURIComponent(id)}`;

/** The 280 px sidebar or the 1440 px full page of one profile, in the colour scheme asked. */
export async function openProfile(page: Page, id: string, width: 280 | 1440, scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(width === 280 ? sidebarUrl(id) : profileUrl("users", id));
  return page.getByRole("region", { name: "Timeline" });
}

/** Scrolls the timeline to `top` px and returns once the browser has rendered it (two animation frames later). */
export async function scrollTimelineTo(scroller: Locator, top: number): Promise<void> {
  await scroller.evaluate(async (el, y) => {
    el.scrollTo(0, y);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, top);
}

/** The day (`YYYY-MM-DD`) of the row under the top edge of the scroll container. */
export function dayAtTop(scroller: Locator): Promise<string | null> {
  return scroller.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const rows = [...el.querySelectorAll<HTMLElement>("[data-index]")];
    const row = rows.find(
      (r) => r.getBoundingClientRect().top <= top + 1 && r.getBoundingClientRect().bottom > top + 1,
    );
    return row?.dataset.day ?? null;
  });
}
