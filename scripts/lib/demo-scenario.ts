/**
 * The demo site's illustrative scenario: organisations, phases, operations and the choices that
 * turn the real geography (cadastre, OSM) into a responsibility plan. Nothing here is a real
 * agreement: names of services and contacts are examples (example.org, fictional 01 99 numbers).
 */
import type { OperationInputProperties } from '../../core/index.js';

/** Cadastral parcels whose urban blocks form the site: town hall, library, health centre, HBM Albert Thomas. */
export const SEED_CADASTRAL_PARCELS = ['93010000AD0154', '93010000AD0143', '93010000AJ0045', '93010000AJ0098'];

/** Latitudes (WGS84) bounding the parcels kept: the OSM building extract covers 48.8982–48.9024 only. */
export const LATITUDE_RANGE = { south: 48.8983, north: 48.9023 } as const;

/** Metres: streets narrower than twice this between two kept blocks are wholly in the site. */
export const STREET_CLOSING_METRES = 15;

/** Metres beyond the outer parcels that the perimeter reaches (about the middle of the streets). */
export const STREET_REACH_METRES = 8;

/** The path between two landlord parcels that nobody cleans: the engineered gap. */
export const GAP_CADASTRAL_PARCEL = '93010000AJ0102';

/** The closed OSM way around the HBM courtyard: the city also claims it (the engineered overlap). */
export const COURTYARD_STREET_NAME = 'Place Albert Thomas';

/** Half-width in metres of the courtyard lane that the city claims. */
export const COURTYARD_CLAIM_HALF_WIDTH = 1.25;

/** Radius in metres of the stretch of street drawn past the perimeter (the engineered overflow). */
export const OVERFLOW_RADIUS_METRES = 30;

/** Half-width in metres of the new public path opened through the demolished wing. */
export const NEW_PATH_HALF_WIDTH = 3;

/** OSM highway values that are streets (used to split public space by street). */
export const CARRIAGEWAY_KINDS = ['primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'pedestrian'];

export const SITE_PROPERTIES = {
  name: 'Bondy — Albert Thomas – Hôtel de ville',
  commune: 'Bondy (93010)',
  srid: 2154,
  tolerance: 1,
  public: true,
  description:
    "Site de démonstration : la géographie est réelle (parcelles du cadastre Etalab, bâti et voies OpenStreetMap), " +
    'mais les gestionnaires, les conventions, les phases et les opérations de renouvellement sont un scénario ' +
    "illustratif qui n'engage ni la Ville de Bondy, ni Est Ensemble, ni aucun bailleur.",
} as const;

/** An organisation as `data/demo/organisations.json` lists it. */
export interface DemoOrganisation {
  key: string;
  name: string;
  shortName: string;
  kind: 'ville' | 'agglomeration' | 'bailleur' | 'copropriete' | 'departement' | 'etat' | 'prestataire' | 'prive' | 'autre';
  colour: string;
  parentKey: string | null;
  contact: { name: string; email: string; phone: string } | null;
}

/** Colours from ColorBrewer Dark2 (colour-blind friendly, distinct on a light base map). */
export const ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'ville', name: 'Ville de Bondy', shortName: 'Ville', kind: 'ville', colour: '#1b9e77', parentKey: null,
    contact: { name: 'Référent GUP de la Ville (exemple)', email: 'gup@ville.example.org', phone: '01 99 00 01 00' },
  },
  {
    key: 'ville-espaces-verts', name: 'Ville › Espaces verts', shortName: 'Espaces verts', kind: 'ville', colour: '#66a61e',
    parentKey: 'ville',
    contact: { name: 'Responsable de secteur espaces verts (exemple)', email: 'espaces-verts@ville.example.org', phone: '01 99 00 01 10' },
  },
  {
    key: 'ville-proprete', name: 'Ville › Propreté urbaine', shortName: 'Propreté', kind: 'ville', colour: '#7570b3',
    parentKey: 'ville',
    contact: { name: 'Chef d’équipe propreté (exemple)', email: 'proprete@ville.example.org', phone: '01 99 00 01 20' },
  },
  {
    key: 'est-ensemble', name: 'Est Ensemble', shortName: 'Est Ensemble', kind: 'agglomeration', colour: '#e6ab02',
    parentKey: null,
    contact: { name: 'Service collecte des déchets (exemple)', email: 'collecte@agglo.example.org', phone: '01 99 00 02 00' },
  },
  {
    key: 'bailleur', name: 'Office HLM (bailleur)', shortName: 'Bailleur', kind: 'bailleur', colour: '#d95f02',
    parentKey: null,
    contact: { name: 'Gardien·ne et antenne de proximité (exemple)', email: 'antenne@bailleur.example.org', phone: '01 99 00 03 00' },
  },
  {
    key: 'copropriete', name: 'Copropriétés (syndics)', shortName: 'Copropriété', kind: 'copropriete', colour: '#e7298a',
    parentKey: null,
    contact: { name: 'Syndic (exemple)', email: 'syndic@copropriete.example.org', phone: '01 99 00 04 00' },
  },
  {
    key: 'prive', name: 'Propriétaires privés', shortName: 'Privés', kind: 'prive', colour: '#a6761d', parentKey: null,
    contact: null,
  },
  {
    key: 'prestataire', name: 'Entreprise de travaux (prestataire)', shortName: 'Prestataire', kind: 'prestataire',
    colour: '#666666', parentKey: null,
    contact: { name: 'Conducteur·rice de travaux (exemple)', email: 'chantier@travaux.example.org', phone: '01 99 00 05 00' },
  },
];

export const PHASES = [
  { ordinal: 0, name: 'État actuel', kind: 'existant', startsOn: null, endsOn: null },
  { ordinal: 1, name: 'Travaux : démolition et résidentialisation', kind: 'transitoire', startsOn: '2027-01-04', endsOn: '2028-12-22' },
  { ordinal: 2, name: 'Cible après travaux', kind: 'cible', startsOn: '2029-01-01', endsOn: null },
] as const;

/** An operation's properties; `phase` is the phase whose plan the operation produces. */
export interface DemoOperation {
  kind: OperationInputProperties['kind'];
  phase: number;
  client: string | null;
  label: string;
  startsOn: string | null;
  endsOn: string | null;
}

export const OPERATIONS = {
  demolition: {
    kind: 'demolition', phase: 1, client: 'bailleur', label: 'Démolition de l’aile sud de la résidence Albert Thomas',
    startsOn: '2027-02-01', endsOn: '2027-09-30',
  },
  residentialisation: {
    kind: 'residentialisation', phase: 2, client: 'bailleur', label: 'Résidentialisation de la cour Albert Thomas',
    startsOn: '2027-10-04', endsOn: '2028-09-29',
  },
  newPath: {
    kind: 'voirie_nouvelle', phase: 2, client: 'ville', label: 'Nouvelle allée piétonne vers la cour Albert Thomas',
    startsOn: '2028-03-06', endsOn: '2028-12-15',
  },
} satisfies Record<string, DemoOperation>;
