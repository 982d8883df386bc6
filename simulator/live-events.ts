import { randomUUID } from "node:crypto";
import { z } from "zod";
import { SimError } from "./http-util";
import { EVENT_NAME } from "./seed/events";
import { compareEvents } from "./seed/profile-builder";
import type { Dataset, JsonObject, SeedEvent } from "./seed/types";

/**
 * `POST /__admin/events`: a new event on one profile while the simulator runs (the live timeline's tests, a demo).
 * The event is "now" unless a timestamp is given; the 14-day window ends at the data set's anchor, which moves up to
 * the event's time so that the event is answered (as the real API's window follows the clock).
 */
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(1_000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

export const appendEventSchema = z.strictObject({
  collection: z.enum(["users", "accounts"]).default("users"),
  id: z
    .string()
    .min(3)
    .max(1_000)
    .regex(/^[a-z][a-z0-9_.]*:.+$/s, "must be type:value"),
  type: z.enum(["track", "page", "screen", "identify", "group", "alias"]).default("track"),
  event: z.string().min(1).max(200).optional(),
  properties: z.record(z.string(), jsonValue).default({}),
  timestamp: z.iso.datetime({ offset: true }).optional(),
});
export type AppendEvent = z.input<typeof appendEventSchema>;

export function appendEvent(
  dataset: Dataset,
  input: unknown,
  nowMs = Date.now(),
): { message_id: string; timestamp: string } {
  const parsed = appendEventSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimError(
      400,
      "invalid_request_error",
      `Invalid event: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim(),
    );
  }
  const spec = parsed.data;
  const colon = spec.id.indexOf(":");
  const type = spec.id.slice(0, colon);
  const value = spec.id.slice(colon + 1);
  const profile = dataset.find(spec.collection, type, value);
  if (!profile) throw new SimError(404, "not_found", "Profile was not found.");
  const ms = spec.timestamp ? Date.parse(spec.timestamp) : nowMs;
  const name = spec.type === "track" ? (spec.event ?? "Custom Event") : EVENT_NAME[spec.type];
  const messageId = `sim-live-${randomUUID()}`;
  const timestamp = new Date(ms).toISOString();
  const body: JsonObject = {
    external_ids: [{ collection: spec.collection, type, id: value, encoding: "none" }],
    context: { library: { name: "simulator-admin", version: "1" } },
    type: spec.type,
    message_id: messageId,
    source_id: "sim_admin",
    timestamp,
    properties: spec.properties as JsonObject,
    event: name,
    related: { [spec.collection]: profile.segment_id },
  };
  const event: SeedEvent = { ms, message_id: messageId, event: name, body };
  profile.events.push(event);
  profile.events.sort(compareEvents);
  if (ms > dataset.anchor.getTime()) dataset.anchor = new Date(ms);
  return { message_id: messageId, timestamp };
}

/** Admin writes come from this machine only: the simulator may listen on another interface (SIM_HOST). */
export function assertLoopback(remoteAddress: string | undefined): void {
  const address = (remoteAddress ?? "").replace(/^::ffff:/, "");
  if (!(address === "::1" || address.startsWith("127."))) {
    throw new SimError(403, "forbidden", "Admin writes are accepted from loopback only.");
  }
}
