// The chosen language: Vietnamese by default, the VI | EN toggle remembered in localStorage.
import { useCallback } from 'react';
import { createStore, useStore } from 'zustand';
import type { ContractError, Role } from '../../shared/contract';
import { ROLE_LABELS } from '../../shared/contract';
import { CATALOGUES, format, LANGUAGES, type Language, type MessageKey } from './messages';

export const LANGUAGE_STORAGE_KEY = 'khaosat.language';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'vi';
  } catch {
    return 'vi';
  }
}

export const languageStore = createStore<LanguageState>()((set) => ({
  language: storedLanguage(),
  setLanguage: (language) => {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this page only.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = language;
    set({ language });
  },
}));

/** Re-reads localStorage; tests use it to start each case from a known language. */
export function resetLanguage(): void {
  languageStore.setState({ language: storedLanguage() });
}

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

export function translate(language: Language): Translate {
  return (key, values) => format(CATALOGUES[language][key], values);
}

export function useLanguage(): [Language, (language: Language) => void] {
  const language = useStore(languageStore, (s) => s.language);
  const setLanguage = useStore(languageStore, (s) => s.setLanguage);
  return [language, setLanguage];
}

export function useT(): Translate {
  const language = useStore(languageStore, (s) => s.language);
  return useCallback<Translate>((key, values) => translate(language)(key, values), [language]);
}

/** A contract error in the reader's language (the contract carries both). */
export function errorText(error: ContractError, language: Language): string {
  return language === 'en' ? error.messageEn : error.message;
}

export function roleLabel(role: Role, language: Language): string {
  return ROLE_LABELS[role][language];
}
