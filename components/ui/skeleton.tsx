/** Placeholder lines while a panel loads; announced once to screen readers via the label. */
export function Skeleton({ lines = 3, label }: { lines?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 py-1">
      {Array.from({ length: lines }, (_, i) => (
        <div
          key={i}
          className="bg-surface-sunken h-4 animate-pulse rounded"
          style={{ width: `${90 - ((i * 17) % 40)}%` }}
        />
      ))}
    </div>
  );
}
