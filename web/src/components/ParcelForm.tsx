import { useId, type ReactNode } from 'react';
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
  const idPrefix = useId();
  const id = (field: ParcelFormField) => `${idPrefix}-${field}`;
  const set = <K extends keyof ParcelFormValues>(key: K, value: ParcelFormValues[K]) => onChange({ ...values, [key]: value });
  const error = (field: ParcelFormField) => {
    const fault = errors[field];
    if (!fault) return null;
    return (
      <p className="field__error" role="alert" id={`${id(field)}-error`}>
        {t([`parcelForm.errors.${fault.code}`, `parcelForm.errors.${field}`], { detail: fault.detail })}
      </p>
    );
  };
  /** What every input gets: its id for the label, and its error's description. */
  const control = (field: ParcelFormField) => ({
    id: id(field),
    'aria-invalid': Boolean(errors[field]),
    'aria-describedby': errors[field] ? `${id(field)}-error` : undefined,
  });
  // The label names only its control: wrapping a <select> would add the chosen option to its name.
  const field = (name: ParcelFormField, labelKey: string, input: ReactNode) => (
    <div className="field">
      <label className="field__label" htmlFor={id(name)}>{t(labelKey)}</label>
      {input}
      {error(name)}
    </div>
  );
  const organisationOptions = organisations.map((organisation) => (
    <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
  ));

  return (
    <div className="parcel-form">
      {error('geometry')}
      {field('organisationId', 'parcelForm.organisation', (
        <select {...control('organisationId')} value={values.organisationId} onChange={(event) => set('organisationId', event.target.value)}>
          <option value="">{t('parcelForm.choose')}</option>
          {organisationOptions}
        </select>
      ))}
      <fieldset className="field parcel-form__services" aria-describedby={control('services')['aria-describedby']}>
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
      {field('ownerId', 'parcelForm.owner', (
        <select {...control('ownerId')} value={values.ownerId} onChange={(event) => set('ownerId', event.target.value)}>
          <option value="">{t('parcel.none')}</option>
          {organisationOptions}
        </select>
      ))}
      {field('label', 'parcelForm.label', (
        <input {...control('label')} type="text" maxLength={200} value={values.label} onChange={(event) => set('label', event.target.value)} />
      ))}
      {field('agreementRef', 'parcelForm.agreementRef', (
        <input {...control('agreementRef')} type="text" maxLength={200} value={values.agreementRef} onChange={(event) => set('agreementRef', event.target.value)} />
      ))}
      {field('notes', 'parcelForm.notes', (
        <textarea {...control('notes')} rows={3} maxLength={4000} value={values.notes} onChange={(event) => set('notes', event.target.value)} />
      ))}
      <div className="parcel-form__phases">
        {field('fromPhase', 'parcelForm.fromPhase', (
          <select {...control('fromPhase')} value={values.fromPhase} onChange={(event) => set('fromPhase', Number(event.target.value))}>
            {phases.map((phase) => <option key={phase.ordinal} value={phase.ordinal}>{phase.name}</option>)}
          </select>
        ))}
        {field('toPhase', 'parcelForm.toPhase', (
          <select {...control('toPhase')} value={values.toPhase ?? ''} onChange={(event) => set('toPhase', event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('parcelForm.noEnd')}</option>
            {phases.filter((phase) => phase.ordinal > 0).map((phase) => <option key={phase.ordinal} value={phase.ordinal}>{phase.name}</option>)}
          </select>
        ))}
      </div>
    </div>
  );
}
