/**
 * `gem-scim`: the command-line host of the core. It starts the same worker as the other hosts and speaks the same
 * contract. Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { runCli } from './cli/run';
import { readStdin } from './cli/stdin';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readStdin(),
  importMetaUrl: import.meta.url,
});
