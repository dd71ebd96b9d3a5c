import type { Service } from '../../../core/index.js';

/** The label of a service in the interface language (French unless the language is English). */
export function serviceLabel(service: Pick<Service, 'labelFr' | 'labelEn'>, language: string): string {
  return language.startsWith('en') ? service.labelEn : service.labelFr;
}

/** Labels of `codes` in `language`; a code missing from `services` is shown as is. */
export function serviceLabels(codes: readonly string[], services: readonly Service[], language: string): string[] {
  const byCode = new Map(services.map((service) => [service.code, service]));
  return codes.map((code) => {
    const service = byCode.get(code);
    return service ? serviceLabel(service, language) : code;
  });
}
