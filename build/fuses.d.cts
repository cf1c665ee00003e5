// Types for build/fuses.cjs, so tests can import it under strict TypeScript.
import type { FuseV1Config } from '@electron/fuses';

export declare function fuseConfig(opts: { platform: string }): FuseV1Config<boolean>;
export declare function electronBinaryPath(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): string;
