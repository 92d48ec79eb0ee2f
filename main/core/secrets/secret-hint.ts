/**
 * What the UI may show of a saved secret: "…" and its last four characters, enough to tell two keys apart without
 * revealing them. Secrets of eight characters or fewer get no hint at all (four would be half of it).
 */
export function secretHint(secret: string): string | null {
  const chars = [...secret];
  if (chars.length <= 8) return null;
  return `…${chars.slice(-4).join('')}`;
}
