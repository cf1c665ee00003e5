// electron-builder afterPack hook: flips the Electron fuses (build/fuses.cjs) in the packaged
// binary before electron-builder signs it.
'use strict';
const { flipFuses } = require('@electron/fuses');
const { electronBinaryPath, fuseConfig } = require('./fuses.cjs');

/** @param {import('app-builder-lib').AfterPackContext} context */
exports.default = async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig({ platform: context.electronPlatformName }));
  console.log(`[afterPack] fuses flipped in ${binary}`);
};
