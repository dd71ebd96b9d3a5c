import type { Organisation, ParcelProperties } from '../../../core/index.js';

/** One legend line: an organisation's colour swatch and its name. */
export interface LegendEntry {
  organisationId: string;
  name: string | null;
  colour: string;
}

/** Colour of parcels whose organisation is not in the list (deleted, or not readable). */
export const UNKNOWN_ORGANISATION_COLOUR = '#9e9e9e';

/** The organisations present in `parcels`, once each, sorted by name (unknown ones last). */
export function legendEntries(
  parcels: ReadonlyArray<{ properties: Pick<ParcelProperties, 'organisationId'> }>,
  organisations: readonly Organisation[],
): LegendEntry[] {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const entries = new Map<string, LegendEntry>();
  for (const parcel of parcels) {
    const id = parcel.properties.organisationId;
    if (entries.has(id)) continue;
    const organisation = byId.get(id);
    entries.set(id, {
      organisationId: id,
      name: organisation?.name ?? null,
      colour: organisation?.colour ?? UNKNOWN_ORGANISATION_COLOUR,
    });
  }
  return [...entries.values()].sort((a, b) => {
    if (a.name === null || b.name === null) return a.name === null ? (b.name === null ? 0 : 1) : -1;
    return a.name.localeCompare(b.name, 'fr');
  });
}
