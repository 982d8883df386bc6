// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { parseLookupInput, resolveEmbedParams, sidebarTarget, targetForIdentifier } from "./lookup-input";
import { addRecentLookup, MAX_RECENT_LOOKUPS, readRecentLookups, saveRecentLookup } from "./recent-lookups";

describe("parseLookupInput", () => {
  it("combines the selected type with the value", () => {
    expect(parseLookupInput("email", "", " ada@example.com ")).toMatchObject({
      ok: true,
      target: { collection: "users", text: "email:ada@example.com" },
    });
  });

  it("takes a whole pasted type:value over the select", () => {
    expect(parseLookupInput("user_id", "", "phone:+15550100001")).toMatchObject({
      ok: true,
      target: { text: "phone:+15550100001" },
    });
    expect(parseLookupInput("user_id", "", "ios.idfa:6D92")).toMatchObject({
      ok: true,
      target: { text: "ios.idfa:6D92" },
    });
    expect(parseLookupInput("email", "", "group_id:acct_acme")).toMatchObject({
      ok: true,
      target: { collection: "accounts" },
    });
  });

  it("takes a pasted custom type:value over the default select", () => {
    expect(parseLookupInput("user_id", "", "sfdc_id:123")).toMatchObject({
      ok: true,
      target: { collection: "users", text: "sfdc_id:123" },
    });
    expect(parseLookupInput("user_id", "", " zendesk.user:42 ")).toMatchObject({
      ok: true,
      target: { text: "zendesk.user:42" },
    });
    // Not the type grammar: the colon is part of a user id.
    expect(parseLookupInput("user_id", "", "Tenant:42")).toMatchObject({
      ok: true,
      target: { text: "user_id:Tenant:42" },
    });
    expect(parseLookupInput("user_id", "", "auth0|abc:1")).toMatchObject({
      ok: true,
      target: { text: "user_id:auth0|abc:1" },
    });
  });

  it("keeps a colon in the value when the agent explicitly chose a type the value belongs to", () => {
    expect(parseLookupInput("user_id", "", "tenant:42", true)).toMatchObject({
      ok: true,
      target: { text: "user_id:tenant:42" },
    });
    expect(parseLookupInput("anonymous_id", "", "sfdc_id:123", true)).toMatchObject({
      ok: true,
      target: { text: "anonymous_id:sfdc_id:123" },
    });
    expect(parseLookupInput("email", "", "sales:ada@example.com", true)).toMatchObject({
      ok: true,
      target: { text: "email:sales:ada@example.com" },
    });
    expect(parseLookupInput("custom", "android.id", "sfdc_id:123", true)).toMatchObject({
      ok: true,
      target: { text: "android.id:sfdc_id:123" },
    });
  });

  it("still takes the pasted type when the value cannot be of the chosen type", () => {
    expect(parseLookupInput("email", "", "sfdc_id:123", true)).toMatchObject({
      ok: true,
      target: { text: "sfdc_id:123" },
    });
    expect(parseLookupInput("phone", "", "sfdc_id:123", true)).toMatchObject({
      ok: true,
      target: { text: "sfdc_id:123" },
    });
    expect(parseLookupInput("custom", "", "sfdc_id:123", true)).toMatchObject({
      ok: true,
      target: { text: "sfdc_id:123" },
    });
    // Well-known types win even over an explicit choice.
    expect(parseLookupInput("user_id", "", "email:ada@example.com", true)).toMatchObject({
      ok: true,
      target: { text: "email:ada@example.com" },
    });
  });

  it("uses the custom type and explains what is missing", () => {
    expect(parseLookupInput("custom", "android.id", "f3a1")).toMatchObject({
      ok: true,
      target: { text: "android.id:f3a1" },
    });
    expect(parseLookupInput("custom", "", "f3a1")).toMatchObject({ ok: false });
    expect(parseLookupInput("custom", "Bad Type", "x")).toMatchObject({ ok: false });
    expect(parseLookupInput("email", "", "  ")).toEqual({ ok: false, message: "Enter an identifier value." });
  });
});

describe("resolveEmbedParams", () => {
  it("reads ?id=, ?email=, ?user_id= and collection", () => {
    expect(resolveEmbedParams({ id: "user_id:u_ada" })).toEqual({ ok: true, collection: "users", id: "user_id:u_ada" });
    expect(resolveEmbedParams({ email: "ada@example.com" })).toEqual({
      ok: true,
      collection: "users",
      id: "email:ada@example.com",
    });
    expect(resolveEmbedParams({ id: "group_id:acct_acme" })).toMatchObject({ collection: "accounts" });
    expect(resolveEmbedParams({ user_id: "u1", collection: "accounts" })).toMatchObject({ collection: "accounts" });
  });

  it("refuses a missing or malformed identifier or collection", () => {
    expect(resolveEmbedParams({})).toMatchObject({ ok: false });
    expect(resolveEmbedParams({ id: "nocolon" })).toMatchObject({ ok: false });
    expect(resolveEmbedParams({ id: "user_id:u1", collection: "orgs" })).toMatchObject({ ok: false });
  });
});

describe("recent lookups", () => {
  const entry = (n: string) => ({ collection: "users" as const, id: `h1.${n}`, label: `user_id:${n}` });

  it("keeps the newest first, without duplicates, at most a few", () => {
    let list = addRecentLookup([], entry("a"));
    list = addRecentLookup(list, entry("b"));
    list = addRecentLookup(list, entry("a"));
    expect(list.map((l) => l.id)).toEqual(["h1.a", "h1.b"]);
    for (let i = 0; i < 20; i += 1) list = addRecentLookup(list, entry(String(i)));
    expect(list).toHaveLength(MAX_RECENT_LOOKUPS);
  });

  it("round-trips through sessionStorage and ignores garbage", () => {
    window.sessionStorage.clear();
    const acme = { collection: "accounts" as const, id: "h1.acme", label: "group_id:acct_acme" };
    saveRecentLookup(window.sessionStorage, acme);
    expect(readRecentLookups(window.sessionStorage)).toEqual([acme]);
    window.sessionStorage.setItem("profile-sidebar:recent-lookups", "{not json");
    expect(readRecentLookups(window.sessionStorage)).toEqual([]);
  });

  it("drops entries of the older form, whose link would put the identifier in the address", () => {
    window.sessionStorage.setItem(
      "profile-sidebar:recent-lookups",
      JSON.stringify([{ collection: "users", id: "email:ada@example.com", label: "email:ada@example.com" }]),
    );
    expect(readRecentLookups(window.sessionStorage)).toEqual([]);
  });
});

describe("sidebar targets", () => {
  it("opens a group_id in accounts and every other identifier in users", () => {
    expect(targetForIdentifier({ type: "group_id", value: "acct_acme" })).toEqual({
      collection: "accounts",
      id: "group_id:acct_acme",
    });
    expect(targetForIdentifier({ type: "email", value: "ada@example.com" })).toEqual({
      collection: "users",
      id: "email:ada@example.com",
    });
    expect(targetForIdentifier({ type: "ios.idfa", value: "6D92" })).toEqual({
      collection: "users",
      id: "ios.idfa:6D92",
    });
  });

  it("reads the lookup field: trimmed type:value, or a message", () => {
    expect(sidebarTarget("  group_id:acct_acme ")).toEqual({
      ok: true,
      collection: "accounts",
      id: "group_id:acct_acme",
    });
    expect(sidebarTarget("user_id:u:with:colons")).toEqual({
      ok: true,
      collection: "users",
      id: "user_id:u:with:colons",
    });
    expect(sidebarTarget("")).toMatchObject({ ok: false });
    expect(sidebarTarget("ada@example.com")).toMatchObject({ ok: false });
  });
});
