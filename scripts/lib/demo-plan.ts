/**
 * The responsibility plan of the demo site: which organisation manages which geometry, for which
 * services and phases. Geometries come from the tables of `demo-geometry-steps.ts`; this module
 * only decides who manages them and writes one row per parcel into `plan_parcels`.
 */
import type pg from 'pg';

/** Where a parcel's geometry is read from: allow-listed queries, keyed by $10 (null when there is no key). */
const GEOMETRY_SOURCES = {
  site: 'select geom from site where $10::text is null',
  publicSpace: 'select geom from public_space where $10::text is null',
  cadastralParcel: 'select geom from cadastral_roles where id = $10',
  privatePiece: 'select geom from private_pieces where id = $10::int',
  streetPiece: 'select geom from street_pieces where name = $10',
  claimedLane: 'select claimed_lane from courtyard where $10::text is null',
  courtyard: 'select geom from courtyard where $10::text is null',
  worksZone: 'select works_zone from works where $10::text is null',
  residenceRest: 'select residence_rest from works where $10::text is null',
  residentialised: 'select residentialised from works where $10::text is null',
  newPath: 'select geom from new_path where $10::text is null',
} as const;

type GeometrySource = keyof typeof GEOMETRY_SOURCES;

/** A responsibility parcel before it is written. */
export interface ParcelPlan {
  id: string;
  organisation: string;
  services: string[];
  owner: string | null;
  label: string;
  agreementRef: string | null;
  notes: string | null;
  fromPhase: number;
  toPhase: number | null;
  source: GeometrySource;
  sourceKey?: string | number;
}

interface CadastralRole {
  id: string;
  section: string;
  numero: string;
  role: 'gap' | 'facility' | 'social_housing' | 'green' | 'copropriete' | 'private';
  facility_name: string | null;
  residence: string | null;
  footway_length: number;
}

const GUP_AGREEMENT = 'Convention GUP 2024, annexe 2 (exemple)';
const TRANSITIONAL_AGREEMENT = 'Convention de gestion transitoire 2027-01 (exemple)';
const CITY_STREET_SERVICES = ['nettoiement', 'viabilite_hivernale'];
const CITY_NETWORK_SERVICES = ['voirie', 'eclairage'];

/** "RESIDENCE ALBERT THOMAS" → "Résidence Albert Thomas"; "PAVILLON CARNOT" → "Pavillon Carnot". */
export function prettyResidenceName(raw: string): string {
  const words = raw.toLowerCase().split(/\s+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return words.join(' ').replace(/^R[ée]s(idence|\.)?(?=\s)/, 'Résidence');
}

/** A landlord parcel's name: the RPLS residence, said to be social housing when its name does not say it. */
function socialHousingName(residence: string | null): string {
  const name = prettyResidenceName(residence ?? 'Résidence sociale');
  return name.startsWith('Résidence') ? name : `Logements sociaux ${name}`;
}

/** "Rue de l'Égalité" → "rue-de-l-egalite": ids made of street names. */
function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Section "AJ", numero "0098" → "AJ 98", as the cadastre is read out. */
function cadastralName(parcel: Pick<CadastralRole, 'section' | 'numero'>): string {
  return `${parcel.section} ${Number(parcel.numero)}`;
}

/** The parcels drawn from one cadastral parcel, according to its role. */
function cadastralParcelPlans(parcel: CadastralRole, demolishedIn: string): ParcelPlan[] {
  const base = { source: 'cadastralParcel' as const, sourceKey: parcel.id, fromPhase: 0, toPhase: null, agreementRef: null, notes: null };
  const id = `parcel-cad-${parcel.id.slice(-6)}`;
  const name = cadastralName(parcel);
  switch (parcel.role) {
    case 'gap':
      return [];
    case 'social_housing':
      return [{
        ...base, id, organisation: 'bailleur', services: ['nettoiement', 'espaces_verts'], owner: 'bailleur',
        label: `${socialHousingName(parcel.residence)} (${name})`, agreementRef: GUP_AGREEMENT,
        toPhase: parcel.id === demolishedIn ? 1 : null,
        notes: parcel.id === demolishedIn ? 'Redécoupée à la phase 1 : chantier de démolition, cour en travaux, reste de la résidence.' : null,
      }];
    case 'facility':
      return facilityParcelPlans(parcel, base, id, name);
    case 'green':
      return [{ ...base, id, organisation: 'ville-espaces-verts', services: ['espaces_verts', 'nettoiement'], owner: 'ville', label: `Square (${name})` }];
    case 'copropriete':
      return [{
        ...base, id, organisation: 'copropriete', services: ['nettoiement', 'espaces_verts'], owner: 'copropriete',
        label: `Copropriété (${name})`, notes: 'Espaces extérieurs entretenus par le syndic.',
      }];
    case 'private':
      return [];
  }
}

/** A public facility: the city cleans it; a garden crossed by paths goes to the green-space service. */
function facilityParcelPlans(parcel: CadastralRole, base: Omit<ParcelPlan, 'id' | 'organisation' | 'services' | 'owner' | 'label'>, id: string, name: string): ParcelPlan[] {
  const facility = `${parcel.facility_name} (${name})`;
  if (parcel.footway_length < 100) {
    return [{ ...base, id, organisation: 'ville', services: ['nettoiement', 'espaces_verts', 'equipements'], owner: 'ville', label: facility }];
  }
  return [
    { ...base, id, organisation: 'ville', services: ['nettoiement', 'equipements'], owner: 'ville', label: facility },
    { ...base, id: `${id}-jardin`, organisation: 'ville-espaces-verts', services: ['espaces_verts'], owner: 'ville', label: `Jardin — ${facility}` },
  ];
}

/** Parcels that cover the whole site or its public space. */
async function sitewideParcelPlans(client: pg.PoolClient): Promise<ParcelPlan[]> {
  const streets = await client.query<{ name: string; overflows: boolean }>(
    'select name, exists (select 1 from street_overflow as overflow where overflow.name = piece.name) as overflows from street_pieces as piece order by name',
  );
  const sitewide: ParcelPlan[] = [
    {
      id: 'parcel-collecte-site', organisation: 'est-ensemble', services: ['collecte_om'], owner: null,
      label: 'Collecte des ordures ménagères — tout le site', agreementRef: 'Règlement de collecte (exemple)', notes: null,
      fromPhase: 0, toPhase: null, source: 'site',
    },
    {
      id: 'parcel-voirie-espace-public', organisation: 'ville', services: CITY_NETWORK_SERVICES, owner: 'ville',
      label: 'Voirie et éclairage publics', agreementRef: null, notes: null, fromPhase: 0, toPhase: null, source: 'publicSpace',
    },
  ];
  return sitewide.concat(streets.rows.map((street) => ({
    id: `parcel-rue-${slug(street.name)}`, organisation: 'ville-proprete', services: CITY_STREET_SERVICES, owner: 'ville',
    label: `${street.name} — chaussée et trottoirs`, agreementRef: null,
    notes: street.overflows ? 'Dessinée jusqu’au trottoir d’en face, au-delà du périmètre du site.' : null,
    fromPhase: 0, toPhase: null, source: 'streetPiece' as const, sourceKey: street.name,
  })));
}

/** Private parcels grouped by touching pieces (owners clean their own land). */
async function privateParcelPlans(client: pg.PoolClient): Promise<ParcelPlan[]> {
  const pieces = await client.query<{ id: number; parcel_count: number; street_name: string | null }>(
    'select id, parcel_count, street_name from private_pieces order by id',
  );
  return pieces.rows.map((piece) => ({
    id: `parcel-prive-${String(piece.id).padStart(2, '0')}`, organisation: 'prive', services: ['nettoiement', 'espaces_verts'],
    owner: 'prive', label: `Terrains privés — ${piece.street_name ?? 'cœur d’îlot'} (${piece.parcel_count} parcelle${piece.parcel_count > 1 ? 's cadastrales' : ' cadastrale'})`,
    agreementRef: null, notes: 'Entretien à la charge des propriétaires.', fromPhase: 0, toPhase: null,
    source: 'privatePiece' as const, sourceKey: piece.id,
  }));
}

/** The renewal: the disputed courtyard lane (phase 0), the works (phase 1) and the target (phase 2). */
function renewalParcelPlans(residence: string): ParcelPlan[] {
  const plan = (fields: Omit<ParcelPlan, 'agreementRef' | 'notes'> & Partial<ParcelPlan>): ParcelPlan => ({ agreementRef: null, notes: null, ...fields });
  return [
    plan({
      id: 'parcel-cour-voie-revendiquee', organisation: 'ville-proprete', services: ['nettoiement'], owner: 'bailleur',
      label: `Voie de la cour — ${residence}`, fromPhase: 0, toPhase: 1, source: 'claimedLane',
      notes: 'La Ville nettoie cette voie, que le bailleur compte aussi dans sa parcelle : responsabilité à clarifier.',
    }),
    plan({
      id: 'parcel-chantier-demolition', organisation: 'prestataire', services: ['nettoiement'], owner: 'bailleur',
      label: `Emprise du chantier de démolition — ${residence}`, fromPhase: 1, toPhase: 2, source: 'worksZone',
      agreementRef: TRANSITIONAL_AGREEMENT, notes: 'Clôturée pendant les travaux ; propreté à la charge de l’entreprise.',
    }),
    plan({
      id: 'parcel-cour-en-travaux', organisation: 'prestataire', services: ['nettoiement', 'espaces_verts'], owner: 'bailleur',
      label: `Cour en travaux — ${residence}`, fromPhase: 1, toPhase: 2, source: 'courtyard', agreementRef: TRANSITIONAL_AGREEMENT,
    }),
    plan({
      id: 'parcel-residence-hors-chantier', organisation: 'bailleur', services: ['nettoiement', 'espaces_verts'], owner: 'bailleur',
      label: `${residence} — abords hors chantier`, fromPhase: 1, toPhase: null, source: 'residenceRest', agreementRef: GUP_AGREEMENT,
    }),
    plan({
      id: 'parcel-cour-residentialisee', organisation: 'bailleur', services: ['nettoiement', 'espaces_verts'], owner: 'bailleur',
      label: `Cour résidentialisée — ${residence}`, fromPhase: 2, toPhase: null, source: 'residentialised', agreementRef: GUP_AGREEMENT,
      notes: 'Cour close réservée aux résidents après la démolition de l’aile sud.',
    }),
    plan({
      id: 'parcel-nouvelle-allee-proprete', organisation: 'ville-proprete', services: CITY_STREET_SERVICES, owner: 'ville',
      label: 'Nouvelle allée piétonne — propreté', fromPhase: 2, toPhase: null, source: 'newPath',
      notes: 'Rétrocédée à la Ville à la fin des travaux.',
    }),
    plan({
      id: 'parcel-nouvelle-allee-voirie', organisation: 'ville', services: CITY_NETWORK_SERVICES, owner: 'ville',
      label: 'Nouvelle allée piétonne — voirie et éclairage', fromPhase: 2, toPhase: null, source: 'newPath',
    }),
  ];
}

/** Every parcel of the plan, in a stable order. */
export async function planParcels(client: pg.PoolClient): Promise<ParcelPlan[]> {
  const demolished = await client.query<{ cadastral_id: string; residence: string }>('select cadastral_id, residence from demolished_building');
  const { cadastral_id: demolishedIn, residence } = demolished.rows[0]!;
  const roles = await client.query<CadastralRole>(
    'select id, section, numero, role, facility_name, residence, footway_length from cadastral_roles order by id',
  );
  return [
    ...(await sitewideParcelPlans(client)),
    ...roles.rows.flatMap((parcel) => cadastralParcelPlans(parcel, demolishedIn)),
    ...(await privateParcelPlans(client)),
    ...renewalParcelPlans(prettyResidenceName(residence)),
  ];
}

/** Writes the plan into `plan_parcels` (geometry still in Lambert-93). */
export async function writePlanParcels(client: pg.PoolClient, plans: ParcelPlan[]): Promise<void> {
  await client.query(`create temp table plan_parcels (
    id text primary key, organisation text not null, services text[] not null, owner text, label text not null,
    agreement_ref text, notes text, from_phase int not null, to_phase int, geom geometry not null)`);
  for (const plan of plans) {
    const inserted = await client.query(
      `insert into plan_parcels select $1, $2, $3, $4, $5, $6, $7, $8, $9, ST_CollectionExtract(source.geom, 3)
         from (${GEOMETRY_SOURCES[plan.source]}) as source (geom) where not ST_IsEmpty(source.geom)`,
      [plan.id, plan.organisation, plan.services, plan.owner, plan.label, plan.agreementRef, plan.notes, plan.fromPhase, plan.toPhase,
        plan.sourceKey ?? null],
    );
    if (inserted.rowCount !== 1) throw new Error(`parcel ${plan.id}: no geometry from ${plan.source}`);
  }
}
