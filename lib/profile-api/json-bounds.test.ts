import { describe, expect, it } from "vitest";
import { boundJson, MAX_JSON_DEPTH, MAX_JSON_STRING_LENGTH, TOO_DEEP } from "./json-bounds";

/** The JSON text of a value nested `depth` objects deep (built as text: JSON.stringify itself overflows on it). */
function nestedJsonText(depth: number): string {
  return '{"a":'.repeat(depth) + '"bottom"' + "}".repeat(depth);
}

function depthOf(value: unknown): number {
  let depth = 0;
  let current = value;
  while (typeof current === "object" && current !== null) {
    current = (current as { a: unknown }).a;
    depth++;
  }
  return depth;
}

describe("boundJson", () => {
  it("keeps ordinary values as they are", () => {
    const body = { traits: { name: "Ada", n: 3, ok: true, none: null, list: [1, { b: "c" }] } };
    expect(boundJson(body)).toEqual(body);
  });

  it("replaces what lies below the depth bound by a marker and keeps the rest (5,000 deep, no stack overflow)", () => {
    const body = JSON.parse(`{"traits":{"deep":${nestedJsonText(5_000)},"name":"Ada"}}`) as unknown;
    const bounded = boundJson(body) as { traits: { deep: unknown; name: string } };
    expect(bounded.traits.name).toBe("Ada");
    expect(depthOf(bounded.traits.deep)).toBe(MAX_JSON_DEPTH - 2);
    expect(JSON.stringify(bounded)).toContain(TOO_DEEP);
    expect(JSON.stringify(bounded, null, 2).length).toBeLessThan(4_000);
  });

  it("cuts an over-long string", () => {
    const bounded = boundJson({ s: "x".repeat(MAX_JSON_STRING_LENGTH * 2) }) as { s: string };
    expect(bounded.s.length).toBeLessThan(MAX_JSON_STRING_LENGTH + 10);
  });

  it("keeps a __proto__ key as data, never as the copy's prototype", () => {
    const bounded = boundJson(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(bounded)).toBe(Object.prototype);
    expect((bounded as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(bounded)).toEqual(["__proto__"]);
  });
});
