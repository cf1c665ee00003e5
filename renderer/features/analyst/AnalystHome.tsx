// The analyst's home (docs/analyst.md): the key bar, then four tabs — Nhập dữ liệu, Tiến độ,
// Chỉ số, Xuất dữ liệu — as an ARIA tablist (←/→, Home/End move between tabs). Every panel stays
// mounted while hidden, so an import keeps running and its results stay when the tab changes.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { AnalystKeys } from './AnalystKeys';
import { ExportTab } from './ExportTab';
import { ImportTab } from './ImportTab';
import { IndicesTab } from './IndicesTab';
import { ProgressTab } from './ProgressTab';

export const ANALYST_TABS = ['import', 'progress', 'indices', 'export'] as const;
export type AnalystTab = (typeof ANALYST_TABS)[number];

const LABELS: Record<AnalystTab, MessageKey> = {
  import: 'analyst.tab.import',
  progress: 'analyst.tab.progress',
  indices: 'analyst.tab.indices',
  export: 'analyst.tab.export',
};

export function AnalystHome({ initialTab = 'import' }: { initialTab?: AnalystTab }) {
  const t = useT();
  const [tab, setTab] = useState<AnalystTab>(initialTab);
  const buttons = useRef<Partial<Record<AnalystTab, HTMLButtonElement | null>>>({});

  function onKeyDown(e: KeyboardEvent) {
    const at = ANALYST_TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight' ? ANALYST_TABS[(at + 1) % ANALYST_TABS.length]
      : e.key === 'ArrowLeft' ? ANALYST_TABS[(at - 1 + ANALYST_TABS.length) % ANALYST_TABS.length]
      : e.key === 'Home' ? ANALYST_TABS[0]
      : e.key === 'End' ? ANALYST_TABS[ANALYST_TABS.length - 1]
      : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    buttons.current[next]?.focus();
  }

  return (
    <>
      <AnalystKeys />
      <section className="card wide analyst-home">
        <div role="tablist" aria-label={t('analyst.tabs')} className="tabs" onKeyDown={onKeyDown}>
          {ANALYST_TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                buttons.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`analyst-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`analyst-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {t(LABELS[name])}
            </button>
          ))}
        </div>
        {ANALYST_TABS.map((name) => (
          <div key={name} role="tabpanel" id={`analyst-panel-${name}`} aria-labelledby={`analyst-tab-${name}`} hidden={tab !== name} className="tab-panel">
            {name === 'import' ? <ImportTab /> : null}
            {name === 'progress' ? <ProgressTab active={tab === 'progress'} /> : null}
            {name === 'indices' ? <IndicesTab active={tab === 'indices'} /> : null}
            {name === 'export' ? <ExportTab /> : null}
          </div>
        ))}
      </section>
    </>
  );
}
