// Seed 003's schema-conforming random answers through the client's own schemas (no app, no HTTP): every one must be
// read, and read into the app's types. The HTTP version of this test is tests/http/seed-003-conformance.test.ts.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  profileApiEventsSchema,
  profileApiExternalIdsSchema,
  profileApiLinksSchema,
  profileApiMetadataResponseSchema,
  profileApiTraitsSchema,
  profileApiVerboseTraitsSchema,
} from "@/lib/profile-api/schemas";
import { type Collection, type SampledResource, sampleAnswers } from "./sampler";

const SAMPLES = 60;
const schemasOf: Record<SampledResource, z.ZodType[]> = {
  traits: [profileApiTraitsSchema, profileApiVerboseTraitsSchema],
  external_ids: [profileApiExternalIdsSchema],
  events: [profileApiEventsSchema],
  metadata: [profileApiMetadataResponseSchema],
  links: [profileApiLinksSchema],
};

describe("seed 003 answers through the upstream schemas", () => {
  for (const collection of ["users", "accounts"] as Collection[]) {
    for (const resource of Object.keys(schemasOf) as SampledResource[]) {
      it(`reads every sampled ${collection} ${resource} answer into the app's types`, () => {
        const bodies = sampleAnswers(collection, resource, SAMPLES, 7);
        for (const schema of schemasOf[resource]) {
          const failures = bodies.filter((body) => !schema.safeParse(body).success);
          expect(failures.slice(0, 2), `${failures.length} of ${SAMPLES} refused`).toEqual([]);
          for (const body of bodies) {
            const page = schema.parse(body) as {
              cursor?: { has_more: unknown };
              data?: Array<Record<string, unknown>>;
            };
            if (page.cursor) expect(typeof page.cursor.has_more).toBe("boolean");
            for (const entry of page.data ?? []) {
              if (resource === "events") expect(typeof entry.timestamp).toBe("string");
              if (resource === "external_ids") expect(typeof entry.id).toBe("string");
              if (resource === "links") expect(Array.isArray(entry.external_ids)).toBe(true);
            }
          }
        }
      });
    }
  }
});
