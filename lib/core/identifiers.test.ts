import { describe, expect, it } from "vitest";
import { encodeIdentifierSegment, parseIdentifier } from "./identifiers";

function parse(raw: string) {
  const result = parseIdentifier(raw);
  if (!result.ok) throw new Error(result.message);
  return result.identifier;
}

describe("parseIdentifier", () => {
  it("splits at the first colon and keeps later colons in the value", () => {
    expect(parse("user_id:abc:def")).toEqual({ type: "user_id", value: "abc:def" });
  });

  it("accepts dotted device types", () => {
    expect(parse("ios.idfa:6D92078A")).toEqual({ type: "ios.idfa", value: "6D92078A" });
  });

  it.each([
    ["no-colon", "missing_separator"],
    ["User_Id:x", "invalid_type"],
    ["1type:x", "invalid_type"],
    [":x", "invalid_type"],
    ["user_id:", "empty_value"],
    [`user_id:${"a".repeat(1001)}`, "value_too_long"],
    ["user_id:a\nb", "control_characters"],
    ["user_id:a\u0000b", "control_characters"],
    ["user_id:a\u2028b", "control_characters"],
  ])("rejects %j as %s", (raw, problem) => {
    const result = parseIdentifier(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
  });

  it("accepts a value of exactly 1000 characters", () => {
    expect(parseIdentifier(`user_id:${"a".repeat(1000)}`).ok).toBe(true);
  });
});

describe("encodeIdentifierSegment", () => {
  it.each([
    ["phone:+15550100", "phone:%2B15550100"],
    ["user_id:a/b", "user_id:a%2Fb"],
    ["user_id:a?b#c", "user_id:a%3Fb%23c"],
    ["user_id:100%", "user_id:100%25"],
    ["user_id:%2e%2e", "user_id:%252e%252e"],
    ["user_id:a b", "user_id:a%20b"],
    ["user_id:ünï", "user_id:%C3%BCn%C3%AF"],
    ["email:ada@example.com", "email:ada%40example.com"],
  ])("encodes %j as %j", (raw, encoded) => {
    expect(encodeIdentifierSegment(parse(raw))).toBe(encoded);
  });

  it.each(["user_id:..", "user_id:../../admin", "user_id:a/../../b?x=1#f"])(
    "keeps %j inside one path segment",
    (raw) => {
      const segment = encodeIdentifierSegment(parse(raw));
      const url = new URL(`http://upstream.test/v1/spaces/s/collections/users/profiles/${segment}/traits`);
      expect(url.pathname).toBe(`/v1/spaces/s/collections/users/profiles/${segment}/traits`);
      expect(url.search).toBe("");
      expect(url.hash).toBe("");
      expect(decodeURIComponent(segment)).toBe(raw);
    },
  );
});
