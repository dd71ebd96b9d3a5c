/** The default services (prestations) every new database starts with; editable later. */
export const DEFAULT_SERVICES = [
  { code: 'nettoiement', labelFr: 'Nettoiement', labelEn: 'Cleaning' },
  { code: 'espaces_verts', labelFr: 'Espaces verts', labelEn: 'Green upkeep' },
  { code: 'collecte_om', labelFr: 'Collecte des ordures ménagères', labelEn: 'Waste collection' },
  { code: 'eclairage', labelFr: 'Éclairage', labelEn: 'Lighting' },
  { code: 'voirie', labelFr: 'Voirie', labelEn: 'Paving and roads' },
  { code: 'equipements', labelFr: 'Équipements et mobilier', labelEn: 'Play areas and street furniture' },
  { code: 'viabilite_hivernale', labelFr: 'Viabilité hivernale', labelEn: 'Winter service' },
] as const;
