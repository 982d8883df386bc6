"use client";
import { AUDIT_ACTIONS } from "@/lib/audit/types";
import { Button } from "@/components/ui/button";

/** The filters as the BFF takes them (DESIGN §10); empty fields are left out. Times are ISO instants. */
export type AuditFilters = { agent?: string; profile?: string; action?: string; since?: string; until?: string };

const field = "border-border bg-surface rounded-md border px-2 py-1 text-sm";
const label = "text-fg-muted flex flex-col gap-0.5 text-xs font-medium";

/** `<input type="datetime-local">` is the agent's local time without a zone: made an instant here, in the browser. */
function toInstant(local: FormDataEntryValue | null): string | undefined {
  if (typeof local !== "string" || !local) return undefined;
  const ms = new Date(local).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function text(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/**
 * The filter form. It never submits to a URL: the values go into the page's state and from there into POST bodies, so
 * a customer identifier typed here stays out of the address bar, history and access logs.
 */
export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  return (
    <form
      aria-label="Filter the audit log"
      className="border-border bg-surface-raised flex flex-wrap items-end gap-3 rounded-lg border p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const filters: AuditFilters = {
          agent: text(data.get("agent")),
          profile: text(data.get("profile")),
          action: text(data.get("action")),
          since: toInstant(data.get("since")),
          until: toInstant(data.get("until")),
        };
        onApply(Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)));
      }}
    >
      <label className={label}>
        Agent
        <input name="agent" className={field} autoComplete="off" placeholder="Agent name" />
      </label>
      <label className={label}>
        Customer identifier
        <input name="profile" className={`${field} w-64`} autoComplete="off" placeholder="type:value, e.g. email:…" />
      </label>
      <label className={label}>
        Action
        <select name="action" className={field} defaultValue="">
          <option value="">Any</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        From (your time)
        <input name="since" type="datetime-local" className={field} />
      </label>
      <label className={label}>
        Until (your time)
        <input name="until" type="datetime-local" className={field} />
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Button type="reset" variant="ghost" onClick={() => onApply({})}>
          Clear
        </Button>
      </div>
    </form>
  );
}
