"use client";
import dynamic from "next/dynamic";
import { PanelSkeleton } from "@/components/ui/panel";

/**
 * The sidebar's sections that sit below its first screen (280 × 800: the summary, just happened and the top of the
 * timeline), loaded after it: traits and identities (folded to one line by default). Not rendered on the server
 * (`ssr: false`), so their code is not among the page's first scripts (issue 15). Their data is still prefetched on
 * the server and comes with the page, so they render as soon as their code arrives, with no request of their own.
 * Until then each shows its panel with a skeleton; a folded panel shows its one line, as the loaded panel would.
 * The full page, roomier, shows them in its first screen and renders them on the server.
 */
export const TraitsPanel = dynamic(
  () => import("@/components/traits/traits-panel").then((module) => module.TraitsPanel),
  {
    ssr: false,
    loading: () => <PanelSkeleton title="Traits & audiences" id="traits" label="Loading traits" lines={6} />,
  },
);

export const IdentityCards = dynamic(
  () => import("@/components/identities/identity-cards").then((module) => module.IdentityCards),
  {
    ssr: false,
    loading: () => <PanelSkeleton title="Identities" id="identities" label="Loading identities" lines={3} />,
  },
);

/**
 * The not-found state with its lookup form, and the lookup alone: rendered on the server when they are the page (so the
 * 404 comes in the HTML), and otherwise never loaded: a found profile's page carries none of their code.
 */
export const SidebarNotFound = dynamic(() => import("./sidebar-not-found").then((module) => module.SidebarNotFound));
export const IdentifierForm = dynamic(() => import("./identifier-form").then((module) => module.IdentifierForm));
