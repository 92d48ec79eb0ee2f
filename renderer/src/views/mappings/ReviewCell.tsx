import { useState } from 'react';
import type { GroupRow } from '../../../../preload/api';
import { formatDateTime } from '../../components/format';
import { useReviews } from '../../state/reviews';

/** Approve or flag one inferred mapping, with an optional note; the current verdict and who gave it. */
export function ReviewCell({ teamId, group }: { teamId: string; group: GroupRow }) {
  const review = useReviews((s) => s.byGroup[group.id]);
  const record = useReviews((s) => s.record);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = (verdict: 'approve' | 'flag') =>
    void record(teamId, group.id, verdict, note.trim() || null).then((failure) => {
      setError(failure?.message ?? null);
      if (!failure) setNote('');
    });
  return (
    <div className="review-cell" data-testid={`review-${group.id}`}>
      {review && (
        <div className={`verdict verdict-${review.verdict}`} data-testid="review-verdict">
          {review.verdict === 'approve' ? 'Approved' : 'Flagged'} by {review.reviewer}
          <div className="muted small">
            {formatDateTime(review.createdAt)}
            {review.note ? ` — ${review.note}` : ''}
          </div>
        </div>
      )}
      <input
        aria-label={`Review note for ${group.name}`}
        placeholder="note (optional)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="row-actions">
        <button type="button" onClick={() => decide('approve')}>
          Approve
        </button>
        <button type="button" className="danger" onClick={() => decide('flag')}>
          Flag
        </button>
      </div>
      {error && (
        <div className="error small" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
