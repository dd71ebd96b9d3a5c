import { useTranslation } from 'react-i18next';
import type { Service } from '../../../core/index.js';
import { serviceLabel } from '../domain/service-label.js';

const ALL = '';

/** Chooses one service to show, or every service (null). */
export function ServiceFilter({
  services,
  value,
  onChange,
}: {
  services: readonly Service[];
  value: string | null;
  onChange: (serviceCode: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <label className="field">
      <span className="field__label">{t('filter.service')}</span>
      <select
        aria-label={t('filter.service')}
        value={value ?? ALL}
        onChange={(event) => onChange(event.target.value === ALL ? null : event.target.value)}
      >
        <option value={ALL}>{t('filter.allServices')}</option>
        {services.map((service) => (
          <option key={service.code} value={service.code}>
            {serviceLabel(service, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}
