import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../core/index.js';

/** Chooses the phase shown, by name (0 is the current state). */
export function PhaseSelector({ phases, value, onChange }: { phases: readonly Phase[]; value: number; onChange: (phase: number) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field__label">{t('filter.phase')}</span>
      <select
        aria-label={t('filter.phase')}
        value={value}
        disabled={phases.length <= 1}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {phases.map((phase) => (
          <option key={phase.ordinal} value={phase.ordinal}>
            {phase.name}
          </option>
        ))}
      </select>
    </label>
  );
}
