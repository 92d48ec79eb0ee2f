// Electron fuses (design §3), flipped on the packaged binary by electron-builder's afterPack hook.
// The wanted settings are plain data so test/unit/electron/fuses.test.ts can check them without Electron.
const path = require('node:path');

/** Fuse name (as in @electron/fuses' FuseV1Options) → wanted value. */
const WANTED_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  GrantFileProtocolExtraPrivileges: false,
};

function executablePath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

function fuseConfig(FuseV1Options, FuseVersion) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: true };
  for (const [name, value] of Object.entries(WANTED_FUSES)) {
    const key = FuseV1Options[name];
    if (key === undefined) throw new Error(`Unknown Electron fuse ${name}`);
    config[key] = value;
  }
  return config;
}

async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');
  await flipFuses(executablePath(context), fuseConfig(FuseV1Options, FuseVersion));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.WANTED_FUSES = WANTED_FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.executablePath = executablePath;
