// The renderer's i18n: catalogues, the language store and its hooks, the VI | EN toggle.
export * from './messages';
export * from './language';
export { LanguageToggle } from './LanguageToggle';
