import type { Organisation } from '../../../core/index.js';
import type { Parcel } from './filter-parcels.js';

/** One parcel as the parcel list finds and shows it. */
export interface ParcelEntry {
  parcel: Parcel;
  /** What the list calls it: its label, or its organisation's short name when it has none. */
  name: string;
  organisation: Organisation | undefined;
  /** Label, organisation names and agreement reference, folded (see foldForSearch). */
  searchText: string;
}

/** The entries matching a query: the first `limit` of them, and how many match in all. */
export interface ParcelMatches {
  shown: ParcelEntry[];
  total: number;
}

/** Lower case without accents, so that "republique" finds "République" and "ETE" finds "Été". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * The parcels ready to search, sorted by name then organisation name in the language's order
 * ("Lot 2" before "Lot 10"). Built once per parcel set; each keystroke then only scans strings.
 */
export function indexParcels(parcels: readonly Parcel[], organisations: readonly Organisation[], language: string): ParcelEntry[] {
  const organisationsById = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const entries = parcels.map((parcel): ParcelEntry => {
    const { label, agreementRef, organisationId } = parcel.properties;
    const organisation = organisationsById.get(organisationId);
    return {
      parcel,
      name: label ?? organisation?.shortName ?? '',
      organisation,
      searchText: foldForSearch([label, organisation?.name, organisation?.shortName, agreementRef].filter(Boolean).join('\n')),
    };
  });
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  return entries.sort(
    (a, b) =>
      collator.compare(a.name, b.name) ||
      collator.compare(a.organisation?.name ?? '', b.organisation?.name ?? '') ||
      String(a.parcel.id).localeCompare(String(b.parcel.id)),
  );
}

/** The entries whose text holds every word of `query` (any case, any accents), the first `limit` of them. */
export function searchParcels(entries: readonly ParcelEntry[], query: string, limit: number): ParcelMatches {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { shown: entries.slice(0, limit), total: entries.length };
  const shown: ParcelEntry[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!words.every((word) => entry.searchText.includes(word))) continue;
    total += 1;
    if (shown.length < limit) shown.push(entry);
  }
  return { shown, total };
}
