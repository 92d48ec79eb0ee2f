import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIdsFor(fixture: string, pretendPath: string): Promise<string[]> {
  const code = readFileSync(`test/fixtures/lint/${fixture}`, 'utf8');
  const [result] = await eslint.lintText(code, { filePath: pretendPath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('layering rules (design §2) are enforced by lint', () => {
  it.each([
    ['imports-electron.ts', 'renderer/src/bad.ts', 'no-restricted-imports'],
    ['imports-node-fs.ts', 'renderer/src/bad.ts', 'no-restricted-imports'],
    ['imports-fs-bare.ts', 'renderer/src/bad.tsx', 'no-restricted-imports'],
    ['imports-electron.ts', 'main/core/bad.ts', 'no-restricted-imports'],
    ['imports-electron.ts', 'main/web/bad.ts', 'no-restricted-imports'],
    ['imports-electron.ts', 'main/sandbox/bad.ts', 'no-restricted-imports'],
    ['imports-electron.ts', 'preload/api.ts', 'no-restricted-imports'],
    ['uses-window.ts', 'main/core/bad.ts', 'no-restricted-globals'],
  ])('%s at %s fails with %s', async (fixture, pretendPath, rule) => {
    expect(await ruleIdsFor(fixture, pretendPath)).toContain(rule);
  });

  it.each([
    ['imports-electron.ts', 'main/electron/ok.ts'],
    ['imports-electron.ts', 'preload/index.ts'],
    ['imports-node-fs.ts', 'main/core/ok.ts'],
    ['clean.ts', 'renderer/src/ok.ts'],
  ])('%s is allowed at %s', async (fixture, pretendPath) => {
    expect(await ruleIdsFor(fixture, pretendPath)).toEqual([]);
  });
});
