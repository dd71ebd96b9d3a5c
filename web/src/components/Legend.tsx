import { useTranslation } from 'react-i18next';
import type { LegendEntry } from '../domain/legend-entries.js';
import { MAP_SYMBOLS, OrganisationSwatch, SymbolSwatch, type MapSymbolName } from './MapSymbol.js';

/** The analysis is drawn for one service at a time: with every service, its symbols are not on the map. */
const FINDING_SYMBOLS: ReadonlySet<MapSymbolName> = new Set(['gaps', 'overlaps', 'overflow']);

/** Every symbol on the map: each organisation's colour, the findings' hatching, the perimeter, the selection, the buildings. */
export function Legend({ entries, allServices }: { entries: readonly LegendEntry[]; allServices: boolean }) {
  const { t } = useTranslation();
  const symbols = MAP_SYMBOLS.filter((symbol) => !allServices || !FINDING_SYMBOLS.has(symbol));
  return (
    <section className="legend" aria-label={t('legend.label')}>
      <h2 className="legend__heading">{t('legend.heading')}</h2>
      {entries.length === 0 ? (
        <p className="legend__empty">{t('legend.empty')}</p>
      ) : (
        <ul className="legend__entries" aria-label={t('legend.organisations')}>
          {entries.map((entry) => (
            <li key={entry.organisationId} className="legend__entry">
              <OrganisationSwatch colour={entry.colour} />
              <span>{entry.name ?? t('legend.unknown')}</span>
            </li>
          ))}
        </ul>
      )}
      {allServices && <p className="legend__note">{t('legend.allServicesNote')}</p>}
      <ul className="legend__entries legend__entries--symbols" aria-label={t('legend.symbols')}>
        {symbols.map((symbol) => (
          <li key={symbol} className="legend__entry">
            <SymbolSwatch symbol={symbol} />
            <span>{t(`legend.symbol.${symbol}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
