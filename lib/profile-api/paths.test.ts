import { describe, expect, it } from "vitest";
import { buildResourcePath, buildSearch } from "./paths";

describe("upstream paths", () => {
  it("encodes the space id and the identifier value as single segments", () => {
    expect(buildResourcePath("spa_demo", "users", { type: "phone", value: "+15550100001" }, "traits")).toBe(
      "/v1/spaces/spa_demo/collections/users/profiles/phone:%2B15550100001/traits",
    );
    const path = buildResourcePath("s/../x", "accounts", { type: "user_id", value: "../../a?b#c%d e/ü" }, "links");
    expect(path).toBe(
      "/v1/spaces/s%2F..%2Fx/collections/accounts/profiles/user_id:..%2F..%2Fa%3Fb%23c%25d%20e%2F%C3%BC/links",
    );
    expect(new URL(path, "http://h").pathname).toBe(path);
  });

  it("builds the query from typed values only: lists comma-joined, absent and empty dropped", () => {
    expect(
      buildSearch({ include: ["a b", "c&d"], exclude: [], limit: 10, verbose: true, next: undefined, sort: "asc" }),
    ).toBe("include=a+b%2Cc%26d&limit=10&verbose=true&sort=asc");
    expect(buildResourcePath("s", "users", { type: "user_id", value: "u" }, "events", {})).not.toContain("?");
  });
});
