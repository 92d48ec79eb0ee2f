/** Reads all of standard input (secrets are read from stdin, never from arguments, so they stay out of `ps`). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses `workos=<key>` / `gem=<token>` lines; blank lines and `#` comments are ignored. */
export function parseSecretLines(text: string): { workos?: string; gem?: string } {
  const secrets: { workos?: string; gem?: string } = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq === -1 ? '' : line.slice(0, eq).trim().toLowerCase();
    if (key !== 'workos' && key !== 'gem')
      throw new Error('stdin lines must be workos=<API key> or gem=<staff token>');
    secrets[key] = line.slice(eq + 1).trim();
  }
  return secrets;
}
