import { describe, expect, it } from "vitest";
import { withOwnCursor } from "./cursor";

describe("cursor rewrite", () => {
  it("points cursor.url at our route with the validated query and the next cursor, and drops the upstream URL", () => {
    const upstream = {
      data: [],
      cursor: {
        url: "https://profiles.segment.com/v1/spaces/spa_x/collections/users/profiles/x/events?next=abc",
        has_more: true,
        next: "abc",
        limit: 10,
        secret: "x",
      },
    };
    const body = withOwnCursor(upstream, "/api/profiles/users/x/events", new URLSearchParams("limit=10&next=old"));
    expect(body.cursor).toEqual({
      url: "/api/profiles/users/x/events?limit=10&next=abc",
      has_more: true,
      next: "abc",
      limit: 10,
    });
  });

  it("removes the URL on the last page", () => {
    const body = withOwnCursor(
      { traits: {}, cursor: { url: "https://sim/v1/spaces/spa", has_more: false, next: "" } },
      "/p",
      new URLSearchParams(),
    );
    expect(body.cursor).toEqual({ has_more: false });
  });
});
