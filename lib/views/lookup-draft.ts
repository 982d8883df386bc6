/**
 * The identifier the lookup form starts with after "Look up another identifier" on a not-found page: the one that
 * missed, so a typo is fixed rather than retyped. It travels through this tab's sessionStorage (never the URL, where
 * identifiers must not go) and is read once.
 */
export const LOOKUP_DRAFT_KEY = "profile-sidebar:lookup-draft";

export function saveLookupDraft(storage: Pick<Storage, "setItem">, value: string): void {
  try {
    storage.setItem(LOOKUP_DRAFT_KEY, value);
  } catch {
    /* storage disabled: the form starts empty */
  }
}

/** The saved draft, removed as it is read (a later visit to the lookup page starts empty). */
export function takeLookupDraft(storage: Pick<Storage, "getItem" | "removeItem">): string | null {
  try {
    const value = storage.getItem(LOOKUP_DRAFT_KEY);
    storage.removeItem(LOOKUP_DRAFT_KEY);
    return value && value.length <= 1000 ? value : null;
  } catch {
    return null;
  }
}
