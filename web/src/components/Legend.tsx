import { useTranslation } from 'react-i18next';
import type { LegendEntry } from '../domain/legend-entries.js';

/** The colour of each organisation present on the map, in large readable text. */
export function Legend({ entries }: { entries: readonly LegendEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-label={t('legend.label')}>
      <h2 className="legend__heading">{t('legend.heading')}</h2>
      {entries.length === 0 ? (
        <p className="legend__empty">{t('legend.empty')}</p>
      ) : (
        <ul className="legend__entries">
          {entries.map((entry) => (
            <li key={entry.organisationId} className="legend__entry">
              <span className="legend__swatch" style={{ backgroundColor: entry.colour }} aria-hidden="true" />
              <span>{entry.name ?? t('legend.unknown')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
