/**
 * The sidebar's sections: their order and which are collapsed, remembered in the agent's browser. Pure functions
 * over a small JSON value, so a stored layout from an older version (a section added or removed) still reads well.
 */
export const SIDEBAR_SECTIONS = ["just-happened", "timeline", "traits", "linked", "identities", "metadata"] as const;
export type SectionId = (typeof SIDEBAR_SECTIONS)[number];

export type SectionLayout = { order: SectionId[]; collapsed: SectionId[] };

/** Agent-first: what happened before who they are in detail; the identifiers fold to one line. */
export const DEFAULT_SECTION_LAYOUT: SectionLayout = {
  order: [...SIDEBAR_SECTIONS],
  collapsed: ["identities", "metadata"],
};

export const SECTION_LAYOUT_KEY = "profile-sidebar:sections:v1";

const isSection = (value: unknown): value is SectionId => SIDEBAR_SECTIONS.includes(value as SectionId);

/** Reads a stored layout: unknown ids dropped, sections it does not name appended in their default place. */
export function parseSectionLayout(raw: string | null): SectionLayout {
  if (!raw) return DEFAULT_SECTION_LAYOUT;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof SectionLayout, unknown>>;
    const order = Array.isArray(value.order) ? [...new Set(value.order.filter(isSection))] : [];
    for (const id of SIDEBAR_SECTIONS) if (!order.includes(id)) order.push(id);
    const collapsed = Array.isArray(value.collapsed)
      ? [...new Set(value.collapsed.filter(isSection))]
      : DEFAULT_SECTION_LAYOUT.collapsed;
    return { order, collapsed };
  } catch {
    return DEFAULT_SECTION_LAYOUT;
  }
}

export function toggleSection(layout: SectionLayout, id: SectionId): SectionLayout {
  const collapsed = layout.collapsed.includes(id)
    ? layout.collapsed.filter((c) => c !== id)
    : [...layout.collapsed, id];
  return { ...layout, collapsed };
}

/** Moves a section one place up (-1) or down (+1); at either end it stays. */
export function moveSection(layout: SectionLayout, id: SectionId, delta: -1 | 1): SectionLayout {
  const order = [...layout.order];
  const from = order.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return layout;
  order.splice(from, 1);
  order.splice(to, 0, id);
  return { ...layout, order };
}
