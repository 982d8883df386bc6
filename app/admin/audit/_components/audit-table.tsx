"use client";
import type { AuditEntryView } from "@/lib/core/audit-view";
import { formatDateTimeWithZone } from "@/lib/views/format";

const cell = "border-border border-t px-2 py-1 align-top";

function outcomeClass(outcome: string): string {
  return outcome === "ok" ? "text-success" : "text-danger";
}

/** The entries, newest first: one compact row each, the customer identifier decrypted for the auditor. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <div className="border-border overflow-x-auto rounded-lg border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="bg-surface-raised text-fg-muted text-xs">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Time
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Agent
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Action
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Customer
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Outcome
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Detail
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-testid="audit-row">
              <td className={`${cell} whitespace-nowrap`}>
                <time dateTime={entry.time}>{formatDateTimeWithZone(entry.time)}</time>
              </td>
              <td className={cell}>
                <span className="font-medium">{entry.agent.name}</span>
                <span className="text-fg-muted block text-xs">
                  {entry.agent.role} · {entry.agent.source}
                </span>
              </td>
              <td className={cell}>{entry.action}</td>
              <td className={`${cell} break-all`}>
                {entry.identifier ? (
                  <>
                    {entry.collection ? <span className="text-fg-muted text-xs">{entry.collection} </span> : null}
                    {entry.identifier}
                  </>
                ) : (
                  <span className="text-fg-muted">—</span>
                )}
              </td>
              <td className={`${cell} ${outcomeClass(entry.outcome)}`}>{entry.outcome}</td>
              <td className={`${cell} text-fg-muted text-xs break-all`}>{entry.detail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
