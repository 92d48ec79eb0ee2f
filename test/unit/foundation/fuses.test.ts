import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const fuses = require('../../../build/fuses.cjs') as {
  fuseConfig: (
    options: typeof FuseV1Options,
    version: typeof FuseVersion,
  ) => Record<string | number, unknown>;
  executablePath: (context: unknown) => string;
};

describe('packaging fuses (design §3)', () => {
  it('turns off RunAsNode, NODE_OPTIONS and inspect, and turns on asar integrity and asar-only loading', () => {
    const config = fuses.fuseConfig(FuseV1Options, FuseVersion);
    expect(config['version']).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('finds the packaged executable on each platform', () => {
    const context = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'Gem SCIM Console' }, executableName: 'gem-scim-console' },
    });
    expect(fuses.executablePath(context('darwin'))).toBe(
      '/out/Gem SCIM Console.app/Contents/MacOS/Gem SCIM Console',
    );
    expect(fuses.executablePath(context('win32'))).toBe('/out/Gem SCIM Console.exe');
    expect(fuses.executablePath(context('linux'))).toBe('/out/gem-scim-console');
  });

  it('electron-builder.yml wires the hook and unpacks the native modules', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/^afterPack: build\/fuses\.cjs$/m);
    expect(yml).toContain("'**/node_modules/better-sqlite3/**'");
    expect(yml).toContain("'**/node_modules/keytar/**'");
    expect(yml).toMatch(/hardenedRuntime: true/);
  });
});
