import type { ReactNode } from "react";
import type { Collection } from "@/lib/core/identifiers";

// Apart from linked-accounts.tsx so the sidebar can build its opener without loading the panel's code up front.

/** Opens a profile by its handle (`id`); `label` is the identifier shown for it. */
export type OpenProfile = (collection: Collection, id: string, label: string) => void;

/**
 * Renders the control that opens a linked profile: a link on the full page (`ProfileLink`), a button that opens the
 * profile in place in the sidebar. The caller chooses, so the sidebar's bundle does not carry the router's link code.
 */
export type RenderOpener = (props: {
  collection: Collection;
  /** The profile's handle. */
  id: string;
  label: string;
  className: string;
  children: ReactNode;
}) => ReactNode;

/** The sidebar's opener: a button that calls `onOpen` (no navigation, so a host iframe keeps its in-memory sign-in). */
export function buttonOpener(onOpen: OpenProfile): RenderOpener {
  return ({ collection, id, label, className, children }) => (
    <button type="button" className={`${className} w-full text-left`} onClick={() => onOpen(collection, id, label)}>
      {children}
    </button>
  );
}
