import { describe, expect, it } from "vitest";
import { latestOnly } from "./latest-only";

/** Resolves in the order the test says, not the order the reads began. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("latestOnly", () => {
  it("keeps the newer answer when the older one arrives last", async () => {
    const guard = latestOnly();
    let shown = "";
    const read = (answer: Promise<string>) => {
      const isLatest = guard.begin();
      return answer.then((value) => {
        if (isLatest()) shown = value;
      });
    };
    const first = deferred<string>();
    const second = deferred<string>();
    const a = read(first.promise);
    const b = read(second.promise);
    second.resolve("quiet");
    await b;
    expect(shown).toBe("quiet");
    first.resolve("ada");
    await a;
    expect(shown).toBe("quiet");
  });

  it("lets an answer through when no newer read began, and none after cancel", () => {
    const guard = latestOnly();
    const isLatest = guard.begin();
    expect(isLatest()).toBe(true);
    guard.cancel();
    expect(isLatest()).toBe(false);
  });
});
