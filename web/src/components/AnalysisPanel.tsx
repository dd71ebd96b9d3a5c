import { memo, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapFeature, Organisation, OverflowFeature, OverlapFeature, SiteAnalysis } from '../../../core/index.js';
import { formatArea, formatPercent } from '../domain/format-figures.js';
import { geometryBbox } from '../../../core/index.js';
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

/** What the labels of the findings are written with. */
interface Words {
  t: ReturnType<typeof useTranslation>['t'];
  language: string;
  shortName: (organisationId: string) => string;
}

const describeGap = (gap: GapFeature, { t, language }: Words) => t('analysis.gapItem', { area: formatArea(gap.properties.area, language) });
const describeOverlap = (overlap: OverlapFeature, { t, language, shortName }: Words) =>
  t(`analysis.${overlap.properties.kind}Item`, {
    first: shortName(overlap.properties.organisationIds[0]),
    second: shortName(overlap.properties.organisationIds[1]),
    area: formatArea(overlap.properties.area, language),
  });
const describeOverflow = (piece: OverflowFeature, { t, language, shortName }: Words) =>
  t('analysis.overflowItem', { organisation: shortName(piece.properties.organisationId), area: formatArea(piece.properties.area, language) });

/** The coverage of one service and its gaps, overlaps and overflow, largest first; a click zooms to one. */
export function AnalysisPanel({ serviceLabel, analysis, organisations, focusedId, onFocus, onFillGap, onResolveOverlap }: AnalysisPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const words = useMemo<Words>(
    () => ({ t, language, shortName: (id) => organisations.find((organisation) => organisation.id === id)?.shortName ?? t('legend.unknown') }),
    [t, language, organisations],
  );
  useLayoutEffect(() => noteAnalysisShown(analysis, 'panel'), [analysis]);
  if (!analysis) return <p className="analysis__empty">{t('app.loading')}</p>;
  const area = (value: number) => formatArea(value, language);
  const fillGap = onFillGap && { label: t('analysis.fillGap'), run: onFillGap };
  const resolveOverlap = onResolveOverlap && { label: t('analysis.resolveOverlap'), run: onResolveOverlap };
  const item = <F extends GapFeature | OverlapFeature | OverflowFeature>(finding: F, describe: Describe<F>, action?: { label: string; run: (finding: F) => void }) => (
    <FindingItem key={String(finding.id)} finding={finding} describe={describe} words={words} focused={String(finding.id) === focusedId}
      onFocus={onFocus} actionLabel={action?.label} onAction={action?.run} />
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
          overflow: analysis.overflow.features.length,
        })}
      </p>
      <h3>{t('analysis.gaps', { count: analysis.gaps.features.length })}</h3>
      <ol className="analysis__list" aria-label={t('analysis.gapsList')}>
        {analysis.gaps.features.map((gap) => item(gap, describeGap, fillGap))}
      </ol>
      <h3>{t('analysis.overlaps', { count: analysis.overlaps.features.length })}</h3>
      <ol className="analysis__list" aria-label={t('analysis.overlapsList')}>
        {analysis.overlaps.features.map((overlap) => item(overlap, describeOverlap, resolveOverlap))}
      </ol>
      <h3>{t('analysis.overflow', { count: analysis.overflow.features.length })}</h3>
      <ol className="analysis__list" aria-label={t('analysis.overflowList')}>
        {analysis.overflow.features.map((piece) => item(piece, describeOverflow))}
      </ol>
    </section>
  );
}

type Describe<F> = (finding: F, words: Words) => string;

interface FindingItemProps<F extends GapFeature | OverlapFeature | OverflowFeature> {
  finding: F;
  describe: Describe<F>;
  words: Words;
  focused: boolean;
  onFocus: (finding: Finding) => void;
  actionLabel?: string | undefined;
  /** The action beside the finding ("Créer une parcelle ici", "Résoudre…"); the map goes to the finding too. */
  onAction?: ((finding: F) => void) | undefined;
}

function FindingItemView<F extends GapFeature | OverlapFeature | OverflowFeature>({ finding, describe, words, focused, onFocus, actionLabel, onAction }: FindingItemProps<F>) {
  const focus = () => onFocus({ id: String(finding.id), bbox: geometryBbox(finding.geometry.coordinates) });
  return (
    <li className={onAction ? 'analysis__entry' : undefined}>
      <button type="button" className={`analysis__item${focused ? ' analysis__item--focused' : ''}`} aria-pressed={focused} onClick={focus}>
        {describe(finding, words)}
      </button>
      {onAction && (
        <button type="button" className="button button--quiet analysis__action" onClick={() => {
          // Like the coordinator's journey: the map goes to the finding while its form or dialog opens.
          focus();
          onAction(finding);
        }}>
          {actionLabel}
        </button>
      )}
    </li>
  );
}

/**
 * One finding of a list. A live check changes a few findings of hundreds: the others keep their
 * feature, so they are not drawn again (nor their labels formatted).
 */
const FindingItem = memo(FindingItemView) as typeof FindingItemView;
