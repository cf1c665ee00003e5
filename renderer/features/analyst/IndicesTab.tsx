// "Chỉ số": the slot for the index charts. The `charts` helper builds IndicesScreen (ranking with
// intervals, component profile, item breakdown, filters) over `analysis:report`; at merge the lead
// renders it here in place of the placeholder: `return <IndicesScreen active={active} />;`.
import { useT } from '../../i18n';

export function IndicesTab({ active }: { active: boolean }) {
  const t = useT();
  void active;
  return (
    <div className="indices-slot" data-slot="indices">
      <h2>{t('analyst.indices.title')}</h2>
      <p className="muted">{t('analyst.indices.slot')}</p>
    </div>
  );
}
