/**
 * Keyboard shortcuts between a profile's sections: "g" then a letter (as in Gmail and GitHub), and "?" for the help.
 * Letters rather than Alt+digits: Alt+digit switches tabs in some browsers and types characters on some keyboards.
 */
export type ShortcutSection = { id: string; key: string; label: string };

/** Every section a profile view can have, in the order the help lists them; a view passes the ones it shows. */
export const SHORTCUT_SECTIONS: readonly ShortcutSection[] = [
  { id: "summary", key: "s", label: "Summary" },
  { id: "just-happened", key: "j", label: "Just happened" },
  { id: "timeline", key: "t", label: "Timeline" },
  { id: "traits", key: "r", label: "Traits & audiences" },
  { id: "linked", key: "a", label: "Linked profiles" },
  { id: "identities", key: "i", label: "Identities" },
  { id: "metadata", key: "m", label: "Profile metadata" },
];

export type ShortcutAction = { kind: "help" } | { kind: "prefix" } | { kind: "jump"; section: string } | null;

/**
 * What a key press means, given whether "g" was just pressed. Keys with Ctrl, Meta or Alt belong to the browser and
 * the host; a press in a text field belongs to the agent's typing (the caller checks the target).
 */
export function readShortcut(
  key: string,
  afterPrefix: boolean,
  modifiers: { ctrl: boolean; meta: boolean; alt: boolean },
  sections: readonly ShortcutSection[],
): ShortcutAction {
  if (modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  if (key === "?") return { kind: "help" };
  if (afterPrefix) {
    const section = sections.find((s) => s.key === key.toLowerCase());
    return section ? { kind: "jump", section: section.id } : null;
  }
  return key === "g" ? { kind: "prefix" } : null;
}
