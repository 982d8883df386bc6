/**
 * The browser's way to turn an identifier into a profile it can open (DESIGN §10): the identifier goes in the body of
 * POST /api/lookup, the handle comes back, and every URL after that is built from the handle.
 */
import { isCollection, type Collection } from "@/lib/core/identifiers";
import { LOOKUP_PATH } from "@/lib/core/paths";
import { isNotFound, type BffFetcher } from "./bff-fetch";

/** A profile found: open it by `handle`; `label` is the identifier it was found by; `asked` the first one tried. */
export type FoundProfile = { collection: Collection; handle: string; label: string; asked: string };

/** What to look up: exactly one identifier, or what the agent typed with the type they chose (the forgiving lookup). */
export type LookupRequest = { id: string; collection?: Collection } | { value: string; type?: string };

/** The profile found, or null when none of the identifiers tried names one (404). Other failures throw BffError. */
export async function lookupProfile(
  fetchBff: BffFetcher,
  request: LookupRequest,
  signal?: AbortSignal,
): Promise<FoundProfile | null> {
  try {
    const found = await fetchBff<FoundProfile>(LOOKUP_PATH, { json: request, signal });
    if (!isCollection(found.collection)) throw new Error("The lookup answered an unknown collection.");
    return found;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * A profile the compact sidebar shows: `id` is its handle, `label` the identifier shown for it. `notFound`: the
 * lookup found no profile for `label` (there is no handle then; the sidebar shows its not-found state).
 */
export type SidebarProfile = { collection: Collection; id: string; label: string; notFound?: true };

/** The sidebar's profile for exactly this identifier (`id` is `type:value`: the host's customer, or typed). */
export async function sidebarProfileFor(
  fetchBff: BffFetcher,
  target: { collection: Collection; id: string },
  signal?: AbortSignal,
): Promise<SidebarProfile> {
  const found = await lookupProfile(fetchBff, { id: target.id, collection: target.collection }, signal);
  if (found) return { collection: found.collection, id: found.handle, label: found.label };
  return { collection: target.collection, id: "", label: target.id, notFound: true };
}
