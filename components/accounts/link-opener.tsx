import Link from "next/link";
import { profilePath } from "@/lib/core/paths";
import type { RenderOpener } from "./linked-accounts";

/**
 * The full page's opener for a linked profile: a link to its own page by its handle (new tab, history and copy-link
 * all work, and the address names no identifier).
 */
export const linkOpener: RenderOpener = ({ collection, id, className, children }) => (
  <Link href={profilePath(collection, id)} className={className}>
    {children}
  </Link>
);
