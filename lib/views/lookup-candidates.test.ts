import { describe, expect, it } from "vitest";
import { cleanPaste, lookupCandidates, toE164 } from "./lookup-candidates";

const texts = (raw: string, type: string | null = null) => lookupCandidates(raw, type, "US").map((c) => c.text);

describe("the forgiving lookup", () => {
  it("reads an e-mail as an e-mail whatever the selected type, lower-cased first, mailto: stripped", () => {
    expect(texts("ada@example.com")).toEqual(["email:ada@example.com"]);
    expect(texts("  Ada@Example.com ")).toEqual(["email:ada@example.com", "email:Ada@Example.com"]);
    expect(texts("mailto:ada@example.com")[0]).toBe("email:ada@example.com");
    expect(texts("<ada@example.com>")[0]).toBe("email:ada@example.com");
    expect(texts("ada@example.com", "user_id")).toEqual(["email:ada@example.com", "user_id:ada@example.com"]);
  });

  it("normalises phone numbers to E.164 with the default country", () => {
    expect(toE164("+1 555 010 0001", "US")).toBe("+15550100001");
    expect(toE164("(555) 010-0001", "US")).toBe("+15550100001");
    expect(toE164("020 7946 0000", "GB")).toBe("+442079460000");
    expect(toE164("u_ada", "US")).toBeNull();
    expect(texts("+1 555 010 0001")[0]).toBe("phone:+15550100001");
    expect(texts("tel:+1-555-010-0001")[0]).toBe("phone:+15550100001");
  });

  it("tries the chosen type first, then the likely alternatives, each once", () => {
    expect(texts("u_ada")).toEqual(["user_id:u_ada", "anonymous_id:u_ada"]);
    expect(texts("u_ada", "anonymous_id")).toEqual(["anonymous_id:u_ada", "user_id:u_ada"]);
    const uuid = "5B1E0C7A-9D2F-4C3B-8E6A-1F2D3C4B5A69";
    expect(texts(uuid)).toEqual([`anonymous_id:${uuid}`, `anonymous_id:${uuid.toLowerCase()}`, `user_id:${uuid}`]);
    expect(texts("acct_acme", "group_id")[0]).toBe("group_id:acct_acme");
    expect(lookupCandidates("acct_acme", "group_id", "US")[0]?.collection).toBe("accounts");
  });

  it("cleans what a copy carries", () => {
    expect(cleanPaste(' "mailto:a@b.co" ')).toBe("a@b.co");
    expect(texts("   ")).toEqual([]);
  });
});
