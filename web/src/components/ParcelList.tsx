import { memo, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MultiPolygon, Organisation } from '../../../core/index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { formatArea } from '../domain/format-figures.js';
import { UNKNOWN_ORGANISATION_COLOUR } from '../domain/legend-entries.js';
import { indexParcels, searchParcels } from '../domain/parcel-search.js';
import { useGeodesicArea } from '../use-geodesic-area.js';
import { OrganisationSwatch } from './MapSymbol.js';

/** Past this many matches the list asks for a narrower search: 50 buttons render at once on a 5,000-parcel site. */
export const PARCEL_LIST_LIMIT = 50;
/** Longer lists start closed, so that the panel reads as the analysis, not as a list of parcels. */
export const PARCEL_LIST_OPEN_UP_TO = 8;

const NO_PARCELS: readonly Parcel[] = [];
const NO_ORGANISATIONS: readonly Organisation[] = [];
// A geometry is computed once however often the list renders; an edited parcel gets a new geometry object.
const areas = new WeakMap<MultiPolygon, number>();
function areaOf(geometry: MultiPolygon, geodesicArea: (geometry: MultiPolygon) => number): number {
  let area = areas.get(geometry);
  if (area === undefined) areas.set(geometry, (area = geodesicArea(geometry)));
  return area;
}

interface ParcelListProps {
  /**
   * The saved parcels of what the map shows (phase and service); undefined while they load. Not the
   * shapes of an edit in progress: the list would render again at every vertex dropped.
   */
  parcels: readonly Parcel[] | undefined;
  organisations: readonly Organisation[] | undefined;
  /** The selected parcel, or those picked for a merge: marked in the list as on the map. */
  selectedIds: readonly string[];
  /** Enter, Space or a click on an item: what a click on the parcel on the map does. */
  onActivate: (parcel: Parcel) => void;
}

/**
 * The parcels of the map as a searchable list, for the keyboard: the search field's ArrowDown
 * enters the list, ArrowUp/ArrowDown/Home/End move in it (one Tab stop), Enter or Space picks.
 * A long list starts closed under its heading's button; typing a search or ArrowDown opens it.
 */
export const ParcelList = memo(function ParcelList({ parcels, organisations, selectedIds, onActivate }: ParcelListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [query, setQuery] = useState('');
  // Typing stays fluid on a large site: the list follows a keystroke behind if it must.
  const deferredQuery = useDeferredValue(query);
  const entries = useMemo(() => indexParcels(parcels ?? NO_PARCELS, organisations ?? NO_ORGANISATIONS, language), [parcels, organisations, language]);
  const { shown, total } = useMemo(() => searchParcels(entries, deferredQuery, PARCEL_LIST_LIMIT), [entries, deferredQuery]);
  const [movedTo, setMovedTo] = useState<string | null>(null);
  // null until the user opens or closes it: open when short.
  const [chosenOpen, setChosenOpen] = useState<boolean | null>(null);
  const open = chosenOpen ?? total <= PARCEL_LIST_OPEN_UP_TO;
  // Fetched when the list first shows items: the areas appear a moment after the names.
  const geodesicArea = useGeodesicArea(open && shown.length > 0);
  const focusFirstItem = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const listRef = useRef<HTMLUListElement>(null);
  const itemsId = useId();
  // Selecting opens the editor's tools above the list and pushes it down: the item in use stays in view.
  const selectionKey = selectedIds.join(' ');
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && listRef.current?.contains(focused)) focused.scrollIntoView?.({ block: 'nearest' });
  }, [selectionKey]);
  const selected = new Set(selectedIds);
  const idOf = (index: number) => String(shown[index]!.parcel.id);
  // The one item Tab lands on: the last one moved to, else the selected one, else the first.
  const findIndex = (accepts: (id: string) => boolean) => shown.findIndex((entry) => accepts(String(entry.parcel.id)));
  const movedToIndex = findIndex((id) => id === movedTo);
  const tabStop = movedToIndex >= 0 ? movedToIndex : Math.max(findIndex((id) => selected.has(id)), 0);

  const moveTo = (index: number) => {
    const item = itemRefs.current[index];
    if (!item) return;
    setMovedTo(idOf(index));
    item.focus();
  };
  // ArrowDown in the search field of a closed list: the first item takes the focus once it is there.
  useLayoutEffect(() => {
    if (!focusFirstItem.current || !open) return;
    focusFirstItem.current = false;
    moveTo(0);
  });
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && shown.length > 0) {
      event.preventDefault();
      if (open) return moveTo(0);
      focusFirstItem.current = true;
      setChosenOpen(true);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = itemRefs.current.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const last = shown.length - 1;
    const next = { ArrowDown: Math.min(index + 1, last), ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) searchRef.current?.focus();
    else moveTo(next);
  };

  return (
    <section className="parcel-list" aria-label={t('parcelList.label')}>
      <h2 className="parcel-list__heading">
        <button type="button" className="parcel-list__toggle" aria-expanded={open} aria-controls={itemsId}
          onClick={() => setChosenOpen(!open)}>{t('parcelList.heading')}</button>
      </h2>
      <label className="field">
        <span className="field__label">{t('parcelList.search')}</span>
        <input
          ref={searchRef}
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('parcelList.searchPlaceholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosenOpen(true);
          }}
          onKeyDown={onSearchKeyDown}
        />
      </label>
      <p className="parcel-list__count" role="status">
        {parcels === undefined ? t('app.loading') : total === 0 ? t('parcelList.none') : t('parcelList.count', { count: total })}
      </p>
      {open && shown.length > 0 && (
        <ul ref={listRef} id={itemsId} className="parcel-list__items" aria-label={t('parcelList.results')} onKeyDown={onListKeyDown}>
          {shown.map((entry, index) => {
            const id = String(entry.parcel.id);
            const isSelected = selected.has(id);
            return (
              <li key={id}>
                <button
                  ref={(element) => {
                    itemRefs.current[index] = element;
                  }}
                  type="button"
                  className={`parcel-list__item${isSelected ? ' parcel-list__item--selected' : ''}`}
                  tabIndex={index === tabStop ? 0 : -1}
                  aria-current={isSelected ? 'true' : undefined}
                  onClick={() => {
                    setMovedTo(id);
                    onActivate(entry.parcel);
                  }}
                >
                  <span className="parcel-list__name">{entry.name || t('legend.unknown')}</span>{' '}
                  <span className="parcel-list__meta">
                    <OrganisationSwatch colour={entry.organisation?.colour ?? UNKNOWN_ORGANISATION_COLOUR} />
                    <span className="parcel-list__organisation">{entry.organisation?.name ?? t('legend.unknown')}</span>{' '}
                    {geodesicArea && <span className="parcel-list__area">{formatArea(areaOf(entry.parcel.geometry, geodesicArea), language)}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {open && total > shown.length && <p className="parcel-list__more">{t('parcelList.more', { count: total - shown.length })}</p>}
    </section>
  );
});
