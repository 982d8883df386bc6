// One axe-core scan of a page or frame: the serious and critical violations, as "rule: targets" strings.
import type { Frame, Page } from "@playwright/test";

type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };

export async function seriousAxeViolations(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
  return target.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe.run();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
  });
}
