/** Small formatting helpers shared by the report views (dates, people, counts). */

/** A timestamp in the user's locale, or a dash when there is none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A date without the time, for dense tables (the full time goes in a title). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/** "First Last", falling back to the email when the names are empty. */
export function personName(first: string | null, last: string | null, email: string): string {
  const name = [first, last].filter((part): part is string => !!part && part.trim() !== '').join(' ');
  return name === '' ? email : name;
}

/** "1 member", "3 members". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
