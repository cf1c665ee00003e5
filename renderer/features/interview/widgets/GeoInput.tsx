// geopoint / geotrace / geoshape on a laptop without GPS: coordinates typed or pasted in ODK's
// format (`lat lon [alt [acc]]`; a trace or shape one point per line or `;`-separated). Read
// leniently (`10.77, 106.70` as map applications copy it), saved strictly once valid; an invalid
// text stays on screen with the reason and is not saved. No map: none is available offline.
import { useEffect, useState } from 'react';
import { readTypedGeo, type GeoType } from '../../../../shared/forms/geo';
import { useLanguage, useT } from '../../../i18n';
import { useInterview } from '../context';
import type { WidgetProps } from './types';

/** Stored `a;b;c` shown one point per line, as it is typed. */
const shown = (stored: string) => stored.split(';').join('\n');

export function GeoInput({ q, id, disabled, describedBy }: WidgetProps) {
  const t = useT();
  const [language] = useLanguage();
  const answer = useInterview((s) => s.answer);
  const type = q.node.type as GeoType;
  const stored = q.answer.missing || q.answer.value === null ? '' : String(q.answer.value);
  const [text, setText] = useState(shown(stored));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText((cur) => {
      const r = readTypedGeo(type, cur);
      return (r.ok && r.value === stored) || (cur.trim() === '' && stored === '') ? cur : shown(stored);
    });
  }, [stored, type]);
  const read = (v: string) => readTypedGeo(type, v);
  const onChange = (v: string) => {
    setText(v);
    if (v.trim() === '') {
      setProblem(null);
      if (stored !== '') answer(q.path, null);
      return;
    }
    const r = read(v);
    if (r.ok) {
      setProblem(null);
      if (r.value !== stored) answer(q.path, r.value);
    }
  };
  const onBlur = () => {
    if (text.trim() === '') return setProblem(null);
    const r = read(text);
    setProblem(r.ok ? null : r.message[language === 'en' ? 'en' : 'vi']);
  };
  const hint = t(type === 'geopoint' ? 'iv.geo.pointHint' : 'iv.geo.pointsHint');
  const common = {
    id,
    value: text,
    disabled,
    placeholder: hint,
    'aria-describedby': [describedBy, `${id}-geo-hint`].filter(Boolean).join(' '),
    'aria-invalid': problem !== null || undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    onBlur,
    spellCheck: false,
  };
  const points = type !== 'geopoint' && stored !== '' ? stored.split(';').length : 0;
  return (
    <div className="geo">
      {type === 'geopoint' ? <input {...common} type="text" inputMode="decimal" /> : <textarea {...common} rows={4} />}
      <p className="q-hint" id={`${id}-geo-hint`}>
        {hint}
        {points > 0 ? ` ${t('iv.geo.count', { n: String(points) })}` : ''}
      </p>
      {problem ? <p className="q-error" role="alert">{problem}</p> : null}
    </div>
  );
}
