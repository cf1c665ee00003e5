// Missing batches per laptop: sequences below a laptop's highest imported one that never arrived.
import { useT } from '../../i18n';
import type { Dashboard } from '../../../shared/contract';

export function GapList({ gaps }: { gaps: Dashboard['gaps'] }) {
  const t = useT();
  return (
    <>
      <h3 id="gaps-title">{t('analyst.gaps.title')}</h3>
      {gaps.length === 0 ? (
        <p className="muted">{t('analyst.gaps.none')}</p>
      ) : (
        <table className="users-table gaps" aria-labelledby="gaps-title">
          <thead>
            <tr>
              <th scope="col">{t('analyst.gaps.device')}</th>
              <th scope="col">{t('analyst.gaps.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.device}>
                <td className="mono">{g.device}</td>
                <td>{g.missing.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
