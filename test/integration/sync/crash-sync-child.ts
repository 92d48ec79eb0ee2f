/**
 * Test-only "CLI sync": opens the store and runs a full sync of one team against the sandbox URLs given in argv
 * (`<store file> <workos url> <gem url> <team id>`). Writes `page <n>` to stderr after every written page (the
 * parent kills it with SIGKILL at a random page) and the summary as JSON on stdout.
 */
import { makeEngine } from './sync-clients';

async function main(): Promise<void> {
  const [storeFile, workosUrl, gemUrl, teamId] = process.argv.slice(2);
  if (storeFile === undefined || workosUrl === undefined || gemUrl === undefined || teamId === undefined) {
    throw new Error('usage: crash-sync-child <store> <workos url> <gem url> <team id>');
  }
  let lastPages = -1;
  const { engine, store } = makeEngine({ workosUrl, gemUrl }, storeFile, {
    onProgress: (p) => {
      if (p.pages === lastPages) return;
      lastPages = p.pages;
      process.stderr.write(`page ${p.pages}\n`);
    },
  });
  const summary = await engine.runFull({ teamId });
  store.close();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `crash-sync-child failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
