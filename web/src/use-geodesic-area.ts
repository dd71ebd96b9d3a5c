import { useEffect, useState } from 'react';
import type { geodesicArea } from '../../core/index.js';

type GeodesicArea = typeof geodesicArea;

// geodesicArea needs GeographicLib (7.5 kB compressed): fetched the first time an area is shown, not with the map.
let loaded: GeodesicArea | null = null;
let loading: Promise<GeodesicArea> | null = null;

function loadGeodesicArea(): Promise<GeodesicArea> {
  loading ??= import('../../core/geometry/geodesic-area.js').then(
    (module) => (loaded = module.geodesicArea),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** core's geodesicArea once its code is there (null until then), fetched only when `needed`. */
export function useGeodesicArea(needed: boolean): GeodesicArea | null {
  const [area, setArea] = useState<GeodesicArea | null>(() => loaded);
  useEffect(() => {
    if (!needed || area) return;
    let current = true;
    loadGeodesicArea().then(
      (fetched) => current && setArea(() => fetched),
      (error: unknown) => console.error('The area code could not be loaded', error),
    );
    return () => {
      current = false;
    };
  }, [needed, area]);
  return area;
}
