import { describe, expect, it } from "vitest";
import { Coalescer } from "./coalesce";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("Coalescer", () => {
  it("50 identical concurrent calls make one call and share its result", async () => {
    const c = new Coalescer();
    let calls = 0;
    const gate = deferred<string>();
    const all = Array.from({ length: 50 }, () => c.run("k", () => (calls++, gate.promise)));
    gate.resolve("data");
    expect(await Promise.all(all)).toEqual(Array(50).fill("data"));
    expect(calls).toBe(1);
    expect(c.stats()).toEqual({ launched: 1, joined: 49, inflight: 0 });
  });

  it("shares errors too, then forgets the key so the next call goes upstream again", async () => {
    const c = new Coalescer();
    let calls = 0;
    const failing = () => (calls++, Promise.reject(new Error("boom")));
    const results = await Promise.allSettled([c.run("k", failing), c.run("k", failing)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    await expect(c.run("k", () => Promise.resolve("ok"))).resolves.toBe("ok");
  });

  it("a refresh does not join an older in-flight call; later callers join the refresh", async () => {
    const c = new Coalescer();
    const old = deferred<string>();
    const fresh = deferred<string>();
    const first = c.run("k", () => old.promise);
    const refreshed = c.run("k", () => fresh.promise, { fresh: true });
    const later = c.run("k", () => Promise.resolve("unused"));
    old.resolve("stale");
    fresh.resolve("fresh");
    expect(await Promise.all([first, refreshed, later])).toEqual(["stale", "fresh", "fresh"]);
    expect(c.stats().launched).toBe(2);
  });

  it("one caller giving up does not cancel the call the others share", async () => {
    const c = new Coalescer();
    const gate = deferred<string>();
    const controller = new AbortController();
    const leaving = c.run("k", () => gate.promise, { signal: controller.signal });
    const staying = c.run("k", () => gate.promise);
    controller.abort(new Error("client went away"));
    await expect(leaving).rejects.toThrow("client went away");
    gate.resolve("data");
    await expect(staying).resolves.toBe("data");
  });
});
