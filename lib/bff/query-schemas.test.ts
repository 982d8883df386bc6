import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/error-body";
import {
  eventsQuerySchema,
  linksQuerySchema,
  parseQuery,
  summaryQuerySchema,
  traitsQuerySchema,
} from "./query-schemas";

const parse = <Q>(schema: Parameters<typeof parseQuery<Q>>[0], qs: string) =>
  parseQuery(schema, new URLSearchParams(qs));

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).message;
  }
  throw new Error("expected a 400");
}

describe("route query validation", () => {
  it("turns valid strings into the client's typed query", () => {
    expect(parse(traitsQuerySchema, "class=audience&include=a,%20b,&limit=200&verbose=true")).toEqual({
      class: "audience",
      include: ["a", "b"],
      limit: 200,
      verbose: true,
    });
    expect(
      parse(eventsQuerySchema, "sort=asc&limit=1&start=2026-01-01&end=2026-01-02T10:00:00Z&exclude=Page Viewed"),
    ).toEqual({
      sort: "asc",
      limit: 1,
      start: "2026-01-01",
      end: "2026-01-02T10:00:00Z",
      exclude: ["Page Viewed"],
    });
  });

  it.each([
    [traitsQuerySchema, "foo=1", "foo"],
    [traitsQuerySchema, "limit=0", "limit"],
    [traitsQuerySchema, "limit=201", "limit"],
    [traitsQuerySchema, "limit=1.5", "limit"],
    [traitsQuerySchema, "verbose=yes", "verbose"],
    [traitsQuerySchema, "include=", "include"],
    [eventsQuerySchema, "limit=101", "limit"],
    [eventsQuerySchema, "sort=random", "sort"],
    [eventsQuerySchema, "start=2026-13-45", "start"],
    [eventsQuerySchema, "start=2026-01-03&end=2026-01-02", "start"],
    [linksQuerySchema, "limit=21", "limit"],
    [linksQuerySchema, "next=", "next"],
    [summaryQuerySchema, "limit=1", "limit"],
    [traitsQuerySchema, "limit=1&limit=2", "limit"],
  ] as const)("rejects %#: ?%s naming %s", (schema, qs, name) => {
    expect(messageOf(() => parse(schema, qs))).toContain(`\`${name}\``);
  });
});
