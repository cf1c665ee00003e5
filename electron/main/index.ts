// Entry of the Electron main process (bundled to dist/electron/main.cjs): starts the shell over
// the real core.
import { createCore } from '../services';
import { startApp } from './app';

startApp({ createCore });
