interface PagerProps {
  /** What is being paged, for the accessible names ("members", "groups"…). */
  label: string;
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
}

/** Paging for a windowed list: where we are in the total, and previous / next. Lists are never loaded whole. */
export function Pager({ label, offset, limit, total, onChange }: PagerProps) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <div className="pager" role="navigation" aria-label={`Pages of ${label}`}>
      <span data-testid={`pager-${label}`}>
        {from}–{to} of {total} {label}
      </span>
      <button
        type="button"
        aria-label={`Previous page of ${label}`}
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        ‹ Previous
      </button>
      <button
        type="button"
        aria-label={`Next page of ${label}`}
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        Next ›
      </button>
    </div>
  );
}
