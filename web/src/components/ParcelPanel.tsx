import { useTranslation } from 'react-i18next';
import type { Organisation, Service } from '../../../core/index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { serviceLabels } from '../domain/service-label.js';
import { OrganisationSwatch } from './MapSymbol.js';

/** What a click on a parcel tells: its organisation, services, label and agreement. */
export function ParcelPanel({
  parcel,
  organisations,
  services,
  onClose,
}: {
  parcel: Parcel;
  organisations: readonly Organisation[];
  services: readonly Service[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const organisation = organisations.find((candidate) => candidate.id === parcel.properties.organisationId);
  const none = t('parcel.none');
  return (
    <section className="parcel-panel" aria-label={t('parcel.label')} aria-live="polite">
      <header className="parcel-panel__header">
        <h2>{t('parcel.heading')}</h2>
        <button type="button" className="button button--quiet" aria-label={t('parcel.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('parcel.organisation')}</dt>
        <dd>
          {organisation && (
            <OrganisationSwatch colour={organisation.colour} />
          )}
          {organisation?.name ?? t('legend.unknown')}
        </dd>
        <dt>{t('parcel.services')}</dt>
        <dd>{serviceLabels(parcel.properties.services, services, i18n.language).join(', ')}</dd>
        <dt>{t('parcel.name')}</dt>
        <dd>{parcel.properties.label ?? none}</dd>
        <dt>{t('parcel.agreementRef')}</dt>
        <dd>{parcel.properties.agreementRef ?? none}</dd>
      </dl>
    </section>
  );
}
