// Interviews in conflict with their versions side by side: who, where, outcome, then every answer
// path, the rows whose answers differ marked "≠" (text, not colour alone). A version is chosen
// with a confirmation step (analysis:resolveConflict, audited in the store); the list reloads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import type { Conflict, ContractError } from '../../../shared/contract';

type Value = Conflict['versions'][number]['answers'][number];

function shown(a: Value | undefined): string {
  if (!a) return '—';
  if (a.missing && (a.value === null || a.value === undefined)) return `(${a.missing})`;
  const v = Array.isArray(a.value) ? a.value.join(' ') : a.value === null ? '' : String(a.value);
  return a.missing ? `${v} (${a.missing})` : v;
}

export function ConflictList({ reload }: { reload: number }) {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [list, setList] = useState<{ total: number; conflicts: Conflict[] } | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [asking, setAsking] = useState<{ key: string; hash: string; n: number } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement | null>(null);

  const load = useCallback(async () => {
    const r = await api.listConflicts({});
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load, reload]);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  async function choose(c: Conflict, hash: string, n: number) {
    setError(null);
    const r = await api.resolveConflict({ interviewId: c.interviewId, revision: c.revision, contentHash: hash });
    setAsking(null);
    if (!r.ok) return setError(r.error);
    setNote(t('analyst.conflicts.chosen', { n: String(n), by: c.interviewId }));
    await load();
  }

  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('analyst.conflicts.title')}</h3>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      <p className="status-message" role="status">
        {note}
      </p>
      {list && list.total === 0 ? <p className="muted">{t('analyst.conflicts.none')}</p> : null}
      {list && list.total > 0 ? <p className="muted">{t('analyst.conflicts.hint')}</p> : null}
      {list && list.total > list.conflicts.length ? <p className="muted">{t('analyst.conflicts.more', { shown: String(list.conflicts.length), total: String(list.total) })}</p> : null}
      {list?.conflicts.map((c) => {
        const key = `${c.interviewId}@${c.revision}`;
        const paths = [...new Set(c.versions.flatMap((v) => v.answers.map((a) => a.path)))].sort();
        const byPath = c.versions.map((v) => new Map(v.answers.map((a) => [a.path, a])));
        const caption = t('analyst.conflicts.interview', { id: c.interviewId, revision: String(c.revision) });
        const meta: [string, (v: Conflict['versions'][number]) => string][] = [
          [t('analyst.conflicts.surveyor'), (v) => v.surveyorCode],
          [t('analyst.conflicts.unit'), (v) => v.unitCode],
          [t('analyst.conflicts.outcome'), (v) => v.outcome],
          [t('analyst.conflicts.completedAt'), (v) => v.completedAt ?? '—'],
        ];
        return (
          <div key={key} className="conflict">
            <table className="users-table conflict-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analyst.conflicts.question')}</th>
                  {c.versions.map((v, i) => (
                    <th scope="col" key={v.contentHash} className={c.chosen === v.contentHash ? 'chosen' : undefined}>
                      {t('analyst.conflicts.version', { n: String(i + 1) })}
                      {c.chosen === v.contentHash ? ` — ${t('analyst.conflicts.isChosen')}` : ''}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">≠</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {meta.map(([label, get]) => {
                  const values = c.versions.map(get);
                  const differs = new Set(values).size > 1;
                  return (
                    <tr key={label} className={differs ? 'differs' : undefined}>
                      <th scope="row">{label}</th>
                      {values.map((v, i) => (
                        <td key={i}>{v}</td>
                      ))}
                      <td>{differs ? t('analyst.conflicts.differs') : ''}</td>
                    </tr>
                  );
                })}
                {paths.map((p) => {
                  const values = byPath.map((m) => shown(m.get(p)));
                  const differs = new Set(values).size > 1;
                  return (
                    <tr key={p} className={differs ? 'differs' : undefined}>
                      <th scope="row" className="mono">{p}</th>
                      {values.map((v, i) => (
                        <td key={i}>{v}</td>
                      ))}
                      <td>{differs ? t('analyst.conflicts.differs') : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {asking?.key === key ? (
              <div className="confirm" role="group" aria-label={t('analyst.conflicts.confirm', { n: String(asking.n), id: c.interviewId })}>
                <p>{t('analyst.conflicts.confirm', { n: String(asking.n), id: c.interviewId })}</p>
                <div className="button-row inline">
                  <button type="button" ref={confirmRef} onClick={() => void choose(c, asking.hash, asking.n)}>
                    {t('analyst.conflicts.confirmYes')}
                  </button>
                  <button type="button" className="secondary" onClick={() => setAsking(null)}>
                    {t('analyst.conflicts.confirmNo')}
                  </button>
                </div>
              </div>
            ) : (
              <div className="button-row inline">
                {c.versions.map((v, i) => (
                  <button key={v.contentHash} type="button" className="secondary" disabled={c.chosen === v.contentHash} onClick={() => setAsking({ key, hash: v.contentHash, n: i + 1 })}>
                    {t('analyst.conflicts.choose', { n: String(i + 1) })}
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
