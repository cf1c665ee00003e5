// A key fingerprint as people read it aloud: its 4-character groups spaced apart in a monospace
// face, each group its own item so a screen reader says "group 1, 4F2A" rather than one long word.
import { useT } from '../i18n';

export function Fingerprint({ value, labelledBy }: { value: string; labelledBy?: string }) {
  const t = useT();
  const groups = value.split('-');
  return (
    <ol className="fingerprint-groups" aria-labelledby={labelledBy}>
      {groups.map((g, k) => (
        <li key={k} aria-label={`${t('laptop.group', { index: String(k + 1) })}: ${[...g].join(' ')}`}>
          {g}
        </li>
      ))}
    </ol>
  );
}
