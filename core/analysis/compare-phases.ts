import { difference, intersection } from '../geometry/polygon-clipping.js';
import { geodesicArea } from '../geometry/geodesic-area.js';
import type { Feature, MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { DEFAULT_TOLERANCE_M2 } from '../schemas/site.schema.js';
import type { AnalysisInput } from './analysis-input.js';
import type { OrganisationChange, PhaseComparison, Transfer, UnitCosts } from './phase-comparison.js';
import { organisationRegions } from './organisation-regions.js';
import { splitPieces } from './split-pieces.js';

type ChangePiece = Feature<MultiPolygon, { organisationId: string | null; area: number }>;

/** Who gains and loses what between two phases for one service: areas, geometries, transfer matrix and yearly cost. @example comparePhases(input, 0, 1, 'nettoiement', { default: 2.5, byOrganisation: {} }).transfers */
export function comparePhases(
  input: AnalysisInput,
  fromPhase: number,
  toPhase: number,
  service: string,
  unitCosts: UnitCosts,
): PhaseComparison {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE_M2;
  const before = organisationRegions(input, fromPhase, service);
  const after = organisationRegions(input, toPhase, service);
  const organisationIds = sortOrganisations(new Set([...before.keys(), ...after.keys()]));
  const organisations: OrganisationChange[] = [];
  const gained: ChangePiece[] = [];
  const lost: ChangePiece[] = [];
  for (const organisationId of organisationIds) {
    const regionFrom = before.get(organisationId) ?? [];
    const regionTo = after.get(organisationId) ?? [];
    const gainedRegion = regionTo.length === 0 ? [] : difference(regionTo, regionFrom);
    const lostRegion = regionFrom.length === 0 ? [] : difference(regionFrom, regionTo);
    gained.push(...changePieces(gainedRegion, organisationId, tolerance));
    lost.push(...changePieces(lostRegion, organisationId, tolerance));
    const areaFrom = areaOf(regionFrom);
    const areaTo = areaOf(regionTo);
    const unitCost = organisationId === null ? null : (unitCosts.byOrganisation[organisationId] ?? unitCosts.default);
    const costFrom = unitCost === null ? null : areaFrom * unitCost;
    const costTo = unitCost === null ? null : areaTo * unitCost;
    organisations.push({
      organisationId,
      areaFrom,
      areaTo,
      gainedArea: areaOf(gainedRegion),
      lostArea: areaOf(lostRegion),
      costFrom,
      costTo,
      costChange: costFrom === null || costTo === null ? null : costTo - costFrom,
    });
  }
  const costChanges = organisations.flatMap((row) => (row.costChange === null ? [] : [row.costChange]));
  return {
    fromPhase,
    toPhase,
    service,
    organisations,
    transfers: transfersBetween(before, after, organisationIds, tolerance),
    yearlyCostChange: costChanges.length === 0 ? null : costChanges.reduce((total, change) => total + change, 0),
    gained: { type: 'FeatureCollection', features: gained },
    lost: { type: 'FeatureCollection', features: lost },
  };
}

function transfersBetween(
  before: Map<string | null, Position[][][]>,
  after: Map<string | null, Position[][][]>,
  organisationIds: Array<string | null>,
  tolerance: number,
): Transfer[] {
  const transfers: Transfer[] = [];
  for (const from of organisationIds) {
    const regionFrom = before.get(from) ?? [];
    if (regionFrom.length === 0) continue;
    for (const to of organisationIds) {
      const regionTo = after.get(to) ?? [];
      if (regionTo.length === 0) continue;
      const area = areaOf(intersection(regionFrom, regionTo));
      if (area >= tolerance) transfers.push({ from, to, area });
    }
  }
  return transfers;
}

/** Organisations in id order, nobody (null) last. */
function sortOrganisations(organisationIds: Set<string | null>): Array<string | null> {
  const named = [...organisationIds].filter((organisationId): organisationId is string => organisationId !== null).sort();
  return [...named, null];
}

function changePieces(region: Position[][][], organisationId: string | null, tolerance: number): ChangePiece[] {
  return splitPieces(region)
    .filter((piece) => piece.area >= tolerance)
    .sort((first, second) => second.area - first.area)
    .map((piece) => ({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [piece.rings] },
      properties: { organisationId, area: piece.area },
    }));
}

function areaOf(region: Position[][][]): number {
  return region.length === 0 ? 0 : geodesicArea({ type: 'MultiPolygon', coordinates: region });
}
