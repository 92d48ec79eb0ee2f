/** The admin reviewer's current verdicts on a team's inferred mappings (local; they work offline). */
import { create } from 'zustand';
import type { ApiError, ReviewRow } from '../../../preload/api';
import { settle } from './call';

interface ReviewsState {
  teamId: string | null;
  byGroup: Record<string, ReviewRow>;
  error: ApiError | null;
  load(teamId: string): Promise<void>;
  record(
    teamId: string,
    groupId: string,
    verdict: 'approve' | 'flag',
    note: string | null,
  ): Promise<ApiError | null>;
  exportReview(teamId: string, format: 'csv' | 'json'): Promise<ApiError | null>;
}

/** Hands a file to the browser's (or Electron's) download handling. */
function download(filename: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useReviews = create<ReviewsState>((set, get) => ({
  teamId: null,
  byGroup: {},
  error: null,
  async load(teamId) {
    const { value, error } = await settle(window.gemConsole.reviews.list({ teamId }));
    if (value)
      set({ teamId, byGroup: Object.fromEntries(value.rows.map((r) => [r.groupId, r])), error: null });
    else set({ teamId, error });
  },
  async record(teamId, groupId, verdict, note) {
    const { error } = await settle(window.gemConsole.reviews.record({ teamId, groupId, verdict, note }));
    await get().load(teamId);
    return error;
  },
  async exportReview(teamId, format) {
    const { value, error } = await settle(window.gemConsole.reviews.export({ teamId, format }));
    if (value) download(value.filename, value.mediaType, value.content);
    return error;
  },
}));
