// Imported first by every renderer entry: zod's object parser probes once whether it may compile
// a fast path with `new Function`; under the page's CSP (no 'unsafe-eval') that probe is blocked
// and reported as a violation on every start. Jitless parsing needs no eval at all.
import { z } from 'zod';

z.config({ jitless: true });
