import { describe, expect, it } from "vitest";
import { buildMaskPolicy, maskJson, maskValue } from "./masking";

const policy = buildMaskPolicy(["address", "birthday", "phone"], ["phone"]);
const masked = (hint: string) => ({ masked: true, hint });

describe("maskValue", () => {
  it("hints at most the last 4 characters and at most a third of the value", () => {
    expect(maskValue("+15550100001")).toEqual(masked("…0001"));
    expect(maskValue("1990-04-12")).toEqual(masked("…-12"));
    expect(maskValue("12")).toEqual(masked("…"));
    expect(maskValue({ street: "1 Main St" })).toEqual(masked("…"));
  });
});

describe("maskJson", () => {
  it("masks trait keys case-insensitively in plain and verbose traits, keeping the rest", () => {
    expect(maskJson({ traits: { Phone: "+15550100001", name: "Ada" }, cursor: { has_more: false } }, policy)).toEqual({
      traits: { Phone: masked("…0001"), name: "Ada" },
      cursor: { has_more: false },
    });
    expect(
      maskJson({ traits: { birthday: { value: "1990-04-12", source_id: "s1", updated_at: "t" } } }, policy),
    ).toEqual({
      traits: { birthday: { value: masked("…-12"), source_id: "s1", updated_at: "t" } },
    });
  });

  it("masks external ids of masked types wherever they appear, and event properties and context traits", () => {
    const event = {
      type: "track",
      properties: { shipping: { address: { city: "X" } }, total: 3 },
      context: { traits: { phone: "+15550100001" } },
      external_ids: [
        { type: "phone", id: "+15550100001" },
        { type: "email", id: "a@b.c" },
      ],
    };
    expect(maskJson({ data: [event] }, policy)).toEqual({
      data: [
        {
          type: "track",
          properties: { shipping: { address: masked("…") }, total: 3 },
          context: { traits: { phone: masked("…0001") } },
          external_ids: [
            { type: "phone", id: masked("…0001") },
            { type: "email", id: "a@b.c" },
          ],
        },
      ],
    });
  });

  it("never modifies the answer it masks (the server cache's copy), and shares the parts with nothing to mask", () => {
    const deepFreeze = (value: unknown): unknown => {
      if (typeof value === "object" && value !== null) Object.values(Object.freeze(value)).forEach(deepFreeze);
      return value;
    };
    const properties = { plan: "pro", items: [{ sku: "A" }] };
    const events = [
      { type: "track", properties },
      { type: "identify", traits: { phone: "+15550100001" } },
    ];
    const body = deepFreeze({ data: events, cursor: { has_more: false } }) as { data: unknown[]; cursor: unknown };
    const before = JSON.stringify(body);
    const result = maskJson(body, policy) as typeof body;
    expect(JSON.stringify(body)).toBe(before);
    expect(result.data[1]).toEqual({ type: "identify", traits: { phone: masked("…0001") } });
    expect(result.data[0]).toBe(events[0]);
    expect(result.cursor).toBe(body.cursor);
    expect(maskJson({ traits: { name: "Ada" } }, policy)).toEqual({ traits: { name: "Ada" } });
  });

  it("masks nothing when both lists are empty", () => {
    const body = { traits: { phone: "+1" } };
    expect(maskJson(body, buildMaskPolicy([], []))).toBe(body);
  });
});

describe("revealable placeholders", () => {
  it("mark masked values for a caller who may reveal them, still without the clear value", () => {
    const body = maskJson({ traits: { phone: "+15550100001" } }, { ...policy, revealable: true });
    expect(body).toEqual({ traits: { phone: { masked: true, hint: "…0001", revealable: true } } });
    expect(JSON.stringify(body)).not.toContain("5550100001");
  });
});
