// The list of keys (F1 or ?): a modal dialog, closed with Esc or its button.
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';

export const KEYS: [string, MessageKey][] = [
  ['1 … 5', 'help.digits'],
  ['8 · 9', 'help.missing'],
  ['↑ ↓ ← →', 'help.arrows'],
  ['Enter · PageDown', 'help.enter'],
  ['Alt + ← · PageUp', 'help.back'],
  ['Tab · Shift + Tab', 'help.tab'],
  ['Ctrl + Enter', 'help.review'],
  ['a…z · 0…9 · ↑ ↓ · Enter · Esc', 'help.search'],
  ['F1 · ?', 'help.help'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="overlay" role="presentation" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="dialog">
        <h2 id="help-title">{t('help.title')}</h2>
        <table className="keys">
          <tbody>
            {KEYS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row"><kbd>{keys}</kbd></th>
                <td>{t(what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={onClose}>{t('help.close')}</button>
      </div>
    </div>
  );
}
