import type { ApiError } from '../../../preload/api';

/** A failed call, shown with the core's own message (which names the service, the call and its answer). */
export function ErrorNote({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}
