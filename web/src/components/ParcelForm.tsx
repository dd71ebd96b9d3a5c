import { useTranslation } from 'react-i18next';
import type { Organisation, Phase, Service } from '../../../core/index.js';
import type { ParcelFormErrors, ParcelFormField, ParcelFormValues } from '../domain/parcel-form.js';
import { serviceLabel } from '../domain/service-label.js';

interface ParcelFormProps {
  values: ParcelFormValues;
  errors: ParcelFormErrors;
  organisations: readonly Organisation[];
  services: readonly Service[];
  phases: readonly Phase[];
  onChange: (values: ParcelFormValues) => void;
}

/** The attributes of a parcel being drawn or edited; each error is shown under its field. */
export function ParcelForm({ values, errors, organisations, services, phases, onChange }: ParcelFormProps) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof ParcelFormValues>(key: K, value: ParcelFormValues[K]) => onChange({ ...values, [key]: value });
  const error = (field: ParcelFormField) => {
    const fault = errors[field];
    if (!fault) return null;
    const message = t([`parcelForm.errors.${fault.code}`, `parcelForm.errors.${field}`], { detail: fault.detail });
    return (
      <p className="field__error" role="alert" id={`parcel-form-${field}-error`}>
        {message}
      </p>
    );
  };
  const describedBy = (field: ParcelFormField) => (errors[field] ? `parcel-form-${field}-error` : undefined);
  const text = (field: 'label' | 'agreementRef', max: number) => (
    <label className="field">
      <span className="field__label">{t(`parcelForm.${field}`)}</span>
      <input type="text" maxLength={max} value={values[field]} aria-invalid={Boolean(errors[field])} aria-describedby={describedBy(field)}
        onChange={(event) => set(field, event.target.value)} />
      {error(field)}
    </label>
  );

  return (
    <div className="parcel-form">
      {error('geometry')}
      <label className="field">
        <span className="field__label">{t('parcelForm.organisation')}</span>
        <select value={values.organisationId} aria-invalid={Boolean(errors.organisationId)} aria-describedby={describedBy('organisationId')}
          onChange={(event) => set('organisationId', event.target.value)}>
          <option value="">{t('parcelForm.choose')}</option>
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
          ))}
        </select>
        {error('organisationId')}
      </label>
      <fieldset className="field parcel-form__services" aria-describedby={describedBy('services')}>
        <legend className="field__label">{t('parcelForm.services')}</legend>
        {services.map((service) => (
          <label key={service.code} className="parcel-form__check">
            <input type="checkbox" checked={values.services.includes(service.code)}
              onChange={(event) => set('services', event.target.checked
                ? [...values.services, service.code]
                : values.services.filter((code) => code !== service.code))} />
            {serviceLabel(service, i18n.language)}
          </label>
        ))}
        {error('services')}
      </fieldset>
      <label className="field">
        <span className="field__label">{t('parcelForm.owner')}</span>
        <select value={values.ownerId} onChange={(event) => set('ownerId', event.target.value)} aria-describedby={describedBy('ownerId')}>
          <option value="">{t('parcel.none')}</option>
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
          ))}
        </select>
        {error('ownerId')}
      </label>
      {text('label', 200)}
      {text('agreementRef', 200)}
      <label className="field">
        <span className="field__label">{t('parcelForm.notes')}</span>
        <textarea rows={3} maxLength={4000} value={values.notes} onChange={(event) => set('notes', event.target.value)} aria-describedby={describedBy('notes')} />
        {error('notes')}
      </label>
      <div className="parcel-form__phases">
        <label className="field">
          <span className="field__label">{t('parcelForm.fromPhase')}</span>
          <select value={values.fromPhase} onChange={(event) => set('fromPhase', Number(event.target.value))} aria-describedby={describedBy('fromPhase')}>
            {phases.map((phase) => <option key={phase.ordinal} value={phase.ordinal}>{phase.name}</option>)}
          </select>
          {error('fromPhase')}
        </label>
        <label className="field">
          <span className="field__label">{t('parcelForm.toPhase')}</span>
          <select value={values.toPhase ?? ''} aria-describedby={describedBy('toPhase')}
            onChange={(event) => set('toPhase', event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('parcelForm.noEnd')}</option>
            {phases.filter((phase) => phase.ordinal > 0).map((phase) => <option key={phase.ordinal} value={phase.ordinal}>{phase.name}</option>)}
          </select>
          {error('toPhase')}
        </label>
      </div>
    </div>
  );
}
