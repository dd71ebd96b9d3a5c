/** A gap, overlap or overflow piece the user chose in the analysis panel: the map zooms to its box. */
export interface Finding {
  id: string;
  bbox: [number, number, number, number];
}
