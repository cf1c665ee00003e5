// Entry of the Electron main process (bundled to dist/electron/main.cjs): starts the shell over
// the real core, with the built-in instruments the build placed beside this bundle.
import { readBundledInstruments } from '../instruments/builtin';
import { createCore } from '../services';
import { startApp } from './app';

startApp({ createCore: (options) => createCore({ ...options, builtinInstruments: readBundledInstruments(__dirname) }) });
