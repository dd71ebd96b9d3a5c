import { useTranslation } from 'react-i18next';
import { useLayoutEffect, type ReactNode } from 'react';
import type { GapFeature, Organisation, OverlapFeature, SiteAnalysis } from '../../../core/index.js';
import { formatArea, formatPercent } from '../domain/format-figures.js';
import { geometryBbox } from '../domain/geometry-bbox.js';
import type { Finding } from '../map/finding.js';
import { noteAnalysisShown } from '../map/test-hook.js';

interface AnalysisPanelProps {
  serviceLabel: string;
  analysis: SiteAnalysis | undefined;
  organisations: readonly Organisation[];
  focusedId: string | null;
  onFocus: (finding: Finding) => void;
  /** Given to users who may edit: "Créer une parcelle ici" on each gap. */
  onFillGap?: (gap: GapFeature) => void;
  /** Given to users who may edit: "Résoudre…" on each overlap. */
  onResolveOverlap?: (overlap: OverlapFeature) => void;
}

/** The coverage of one service and its gaps, overlaps and overflow, largest first; a click zooms to one. */
export function AnalysisPanel({ serviceLabel, analysis, organisations, focusedId, onFocus, onFillGap, onResolveOverlap }: AnalysisPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  useLayoutEffect(() => noteAnalysisShown(analysis, 'panel'), [analysis]);
  if (!analysis) return <p className="analysis__empty">{t('app.loading')}</p>;
  const shortName = (id: string) => organisations.find((organisation) => organisation.id === id)?.shortName ?? t('legend.unknown');
  const area = (value: number) => formatArea(value, language);
  const focus = (id: string, geometry: { coordinates: unknown }) => onFocus({ id, bbox: geometryBbox(geometry) });
  const action = (label: string, onClick: () => void) => (
    <button type="button" className="button button--quiet analysis__action" onClick={onClick}>{label}</button>
  );
  const item = (id: string, label: string, geometry: { coordinates: unknown }, actionButton?: ReactNode) => (
    <li key={id} className={actionButton ? 'analysis__entry' : undefined}>
      <button
        type="button"
        className={`analysis__item${id === focusedId ? ' analysis__item--focused' : ''}`}
        aria-pressed={id === focusedId}
        onClick={() => focus(id, geometry)}
      >
        {label}
      </button>
      {actionButton}
    </li>
  );
  return (
    <section className="analysis" aria-label={t('analysis.label')}>
      <h2 className="analysis__heading">{t('analysis.heading', { service: serviceLabel })}</h2>
      <p className="analysis__summary" data-testid="analysis-summary">
        {t('analysis.summary', {
          coverage: formatPercent(analysis.coverage, language),
          gaps: analysis.gaps.features.length,
          gapArea: area(analysis.gapArea),
          overlaps: analysis.overlaps.features.length,
          overlapArea: area(analysis.overlapArea),
        })}
      </p>
      <h3>{t('analysis.gaps', { count: analysis.gaps.features.length })}</h3>
      <ol className="analysis__list" aria-label={t('analysis.gapsList')}>
        {analysis.gaps.features.map((gap) => item(String(gap.id), t('analysis.gapItem', { area: area(gap.properties.area) }), gap.geometry,
          onFillGap && action(t('analysis.fillGap'), () => {
            // Like the coordinator's journey: the map goes to the gap while the form opens.
            focus(String(gap.id), gap.geometry);
            onFillGap(gap);
          })))}
      </ol>
      <h3>{t('analysis.overlaps', { count: analysis.overlaps.features.length })}</h3>
      <ol className="analysis__list" aria-label={t('analysis.overlapsList')}>
        {analysis.overlaps.features.map((overlap) =>
          item(String(overlap.id), t(`analysis.${overlap.properties.kind}Item`, {
            first: shortName(overlap.properties.organisationIds[0]),
            second: shortName(overlap.properties.organisationIds[1]),
            area: area(overlap.properties.area),
          }), overlap.geometry, onResolveOverlap && action(t('analysis.resolveOverlap'), () => {
            focus(String(overlap.id), overlap.geometry);
            onResolveOverlap(overlap);
          })),
        )}
      </ol>
      <h3>{t('analysis.overflow', { count: analysis.overflow.features.length })}</h3>
      <ol className="analysis__list" aria-label={t('analysis.overflowList')}>
        {analysis.overflow.features.map((piece) =>
          item(String(piece.id), t('analysis.overflowItem', { organisation: shortName(piece.properties.organisationId), area: area(piece.properties.area) }), piece.geometry),
        )}
      </ol>
    </section>
  );
}
