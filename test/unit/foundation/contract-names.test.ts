import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callNames, eventNames, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../preload/api';

/** Every tracked or new source file except the contract itself. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((file) => /\.(ts|tsx|mjs|cjs|js)$/.test(file))
    .filter((file) => file !== 'preload/api.ts');
}

describe('preload/api.ts is the only place call, event and channel names are spelled', () => {
  it('no other source file holds one of them as a string literal', () => {
    const names = [...callNames, ...eventNames, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL];
    expect(names.length).toBeGreaterThan(3);
    const offenders: string[] = [];
    for (const file of sourceFiles()) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // deleted in the working tree
      }
      for (const name of names) {
        for (const quote of ["'", '"', '`']) {
          if (text.includes(`${quote}${name}${quote}`)) offenders.push(`${file}: ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
