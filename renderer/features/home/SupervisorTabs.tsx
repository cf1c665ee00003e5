// The supervisor's home as tabs (WAI-ARIA tabs pattern, automatic activation): review first, with
// the number of interviews waiting; ←/→ move between tabs, Home/End jump to the ends, Tab goes
// into the open panel. Panels stay mounted while hidden so a half-filled form or an export's
// result is still there when the supervisor comes back; the open tab is kept for the session.
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import { SUPERVISOR_TABS, selectSupervisorTab, useAppStore, type SupervisorTab } from '../../stores';
import { ExportBatches } from '../batches/ExportBatches';
import { ThisLaptop } from '../laptop/ThisLaptop';
import { InstallPackage } from '../packages/InstallPackage';
import { ReviewPanel } from '../review/ReviewPanel';
import { UsersPanel } from '../users/UsersPanel';

const TAB_LABEL: Record<SupervisorTab, MessageKey> = {
  review: 'tabs.review',
  export: 'tabs.export',
  packages: 'tabs.packages',
  users: 'tabs.users',
  laptop: 'tabs.laptop',
};

const PANEL: Record<SupervisorTab, () => ReactNode> = {
  review: () => <ReviewPanel />,
  export: () => <ExportBatches />,
  packages: () => <InstallPackage />,
  users: () => <UsersPanel />,
  laptop: () => <ThisLaptop />,
};

export function SupervisorTabs() {
  const t = useT();
  const active = useAppStore(selectSupervisorTab);
  const show = useAppStore((s) => s.showSupervisorTab);
  const waiting = useAppStore((s) => s.reviewRows?.length ?? null);
  const tabs = useRef<Partial<Record<SupervisorTab, HTMLButtonElement | null>>>({});
  const moved = useRef(false);

  // The review panel stays mounted (hidden) and loads its list on mount, so the review tab's count
  // is there whichever tab is open.
  // Focus follows the keyboard only: a click or the first render leaves focus where it is.
  useEffect(() => {
    if (moved.current) tabs.current[active]?.focus();
    moved.current = false;
  }, [active]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const k = SUPERVISOR_TABS.indexOf(active);
    const last = SUPERVISOR_TABS.length - 1;
    const to = e.key === 'ArrowRight' ? (k + 1) % SUPERVISOR_TABS.length : e.key === 'ArrowLeft' ? (k + last) % SUPERVISOR_TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (to === null) return;
    e.preventDefault();
    moved.current = true;
    show(SUPERVISOR_TABS[to]!);
  }

  return (
    <div className="supervisor-tabs">
      <div role="tablist" aria-label={t('tabs.label')} className="tablist" onKeyDown={onKeyDown}>
        {SUPERVISOR_TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => void (tabs.current[tab] = el)}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-controls={`tabpanel-${tab}`}
            aria-selected={tab === active}
            tabIndex={tab === active ? 0 : -1}
            // The badge alone would be read as a bare number: the name says what it counts.
            aria-label={tab === 'review' && waiting !== null ? `${t(TAB_LABEL[tab])}, ${t('tabs.reviewWaiting', { count: String(waiting) })}` : undefined}
            onClick={() => show(tab)}
          >
            {t(TAB_LABEL[tab])}
            {tab === 'review' && waiting !== null ? (
              <span className={`tab-count${waiting > 0 ? ' waiting' : ''}`} aria-hidden="true">
                {waiting}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      {SUPERVISOR_TABS.map((tab) => (
        <div key={tab} role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel" hidden={tab !== active} tabIndex={0}>
          {PANEL[tab]()}
        </div>
      ))}
    </div>
  );
}
