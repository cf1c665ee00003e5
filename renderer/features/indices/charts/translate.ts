// The charts' message lookup: the same shape as i18n's Translate (useT() in the app), declared
// over the catalogue alone so the printable report can render the charts outside the app
// (renderer/report/html.tsx, in the CLI) without the language store or the DOM.
import type { MessageKey } from '../../../i18n/messages';

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;
