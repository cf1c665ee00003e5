// The form's label language follows the UI's VI | EN toggle when the form has that language,
// else the form's default language.
import { useLanguage } from '../../i18n';
import { useInterviewHandle } from './context';

export function useFormLanguage(): string {
  const [ui] = useLanguage();
  const { form } = useInterviewHandle();
  return form.languages.some((l) => l.code === ui) ? ui : form.defaultLanguage;
}
