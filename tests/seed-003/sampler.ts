/**
 * Random Profile API answers that conform to seed 003 (the OpenAPI 3.1 description copied to
 * simulator/contract/openapi-seed-003.yaml), drawn with json-schema-faker from a fixed seed, so a run is repeatable.
 *
 * Two adjustments, both keeping every sample valid against the seed: `$ref`s are inlined (the document is acyclic),
 * and each `additionalProperties: true` map (trait maps, event properties/traits/context) gets at least one entry of
 * any JSON kind, some shaped like a verbose trait: the sampler would otherwise always leave those maps empty, and the
 * BFF would never meet a trait. Any value satisfies `additionalProperties: true`, so this only narrows the schema.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSync, type JsonSchema } from "json-schema-faker";
import { parse } from "yaml";

export const RESOURCES = ["traits", "external_ids", "events", "metadata", "links"] as const;
export type SampledResource = (typeof RESOURCES)[number];
export type Collection = "users" | "accounts";

const SPEC_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../simulator/contract/openapi-seed-003.yaml",
);

type Node = unknown;

const anyJson = {
  anyOf: [
    { type: "string" },
    { type: "number" },
    { type: "integer" },
    { type: "boolean" },
    { type: "null" },
    { type: "array", items: { type: "string" }, maxItems: 3 },
    { type: "object", additionalProperties: { type: "string" }, minProperties: 1, maxProperties: 2 },
    {
      type: "object",
      properties: {
        value: { type: "string" },
        source_id: { type: "string" },
        updated_at: { type: "string", format: "date-time" },
      },
      required: ["value"],
    },
  ],
};

function inline(node: Node, doc: Record<string, unknown>, depth = 0): Node {
  if (depth > 20) throw new Error("seed 003: $ref nesting deeper than 20");
  if (Array.isArray(node)) return node.map((n) => inline(n, doc, depth + 1));
  if (typeof node !== "object" || node === null) return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === "string") {
    const target = record.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], doc);
    return inline(target, doc, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = inline(value, doc, depth + 1);
  if (out.additionalProperties === true)
    Object.assign(out, { additionalProperties: anyJson, minProperties: 1, maxProperties: 6 });
  return out;
}

type Operation = { responses: Record<string, { content?: Record<string, { schema: Node }> }> };

/** The 200 and 404 body schemas of seed 003 for a route; accounts routes the seed leaves out use the users' one. */
export function responseSchemas(
  collection: Collection,
  resource: SampledResource,
): { ok: JsonSchema; notFound: JsonSchema } {
  const doc = parse(readFileSync(SPEC_PATH, "utf8")) as { paths: Record<string, { get: Operation }> };
  const paths = doc.paths;
  const operation =
    paths[`/collections/${collection}/profiles/{externalId}/${resource}`] ??
    paths[`/collections/users/profiles/{externalId}/${resource}`];
  if (!operation) throw new Error(`seed 003 has no ${resource} route`);
  const responses = inline(operation.get.responses, doc) as Operation["responses"];
  const schemaOf = (status: string) => responses[status]?.content?.["application/json"]?.schema as JsonSchema;
  const ok = schemaOf("200");
  const notFound = schemaOf("404");
  return { ok, notFound };
}

/** `count` answers for one route, repeatable for a given `seed`. */
export function sampleAnswers(
  collection: Collection,
  resource: SampledResource,
  count: number,
  seed: number,
): unknown[] {
  const { ok } = responseSchemas(collection, resource);
  return Array.from({ length: count }, (_, i) =>
    generateSync(ok, { seed: seed * 100_003 + i, optionalsProbability: 0.8, maxItems: 6 }),
  );
}
