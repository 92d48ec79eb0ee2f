/**
 * Turns whatever the user typed into a safe FTS5 prefix query: every word becomes a quoted prefix term
 * (`"ana"* "ruiz"*`, all of which must match). Quotes, `*`, `:`, `^`, parentheses, `OR`/`AND`/`NOT`/`NEAR` and
 * column filters lose their meaning, so user text can never cause an FTS syntax error.
 *
 * Words are runs of letters, digits and private-use characters — the token characters of the `unicode61`
 * tokenizer the index uses — so "ana.ruiz@acme" becomes the words ana, ruiz, acme, as in the index.
 */
const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

export function toFtsPrefixQuery(input: string): string | null {
  const words = input.normalize('NFC').match(WORD) ?? [];
  const terms = words.slice(0, MAX_TERMS).map((word) => `"${word.slice(0, MAX_TERM_LENGTH)}"*`);
  return terms.length === 0 ? null : terms.join(' ');
}
