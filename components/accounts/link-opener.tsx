import Link from "next/link";
import { profilePath } from "@/lib/core/paths";
import type { RenderOpener } from "./linked-accounts";

/** The full page's opener for a linked profile: a link to its own page (new tab, history and copy-link all work). */
export const linkOpener: RenderOpener = ({ collection, id, className, children }) => (
  <Link href={profilePath(collection, id)} className={className}>
    {children}
  </Link>
);
