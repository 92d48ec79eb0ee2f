/**
 * Query-string access that keeps repeated keys and treats `key[]=` as `key`, because WorkOS clients differ:
 * the Node SDK sends `events=a%2Cb`, other clients repeat `events=` or use `events[]=`.
 */
export class QueryParams {
  private readonly values = new Map<string, string[]>();

  constructor(search: string) {
    const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
    for (const [rawKey, value] of params) {
      const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
      const list = this.values.get(key);
      if (list) list.push(value);
      else this.values.set(key, [value]);
    }
  }

  /** First value, or undefined when absent. An empty value counts as absent (the SDK drops '' too). */
  get(key: string): string | undefined {
    const first = this.values.get(key)?.find((value) => value !== '');
    return first;
  }

  /** Every value of the key (repeated keys and `key[]` forms), in order. */
  getAll(key: string): string[] {
    return [...(this.values.get(key) ?? [])];
  }

  /** Every value, each also split on commas (the `style: form, explode: false` list form), empties dropped. */
  getList(key: string): string[] {
    return this.getAll(key)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  keys(): string[] {
    return [...this.values.keys()];
  }
}
