/**
 * An area in square metres for an English fault message: two significant digits under 10 m², whole metres above.
 * Unlike the web's formatArea, it is not localised: the API's messages are English and read by developers.
 */
export function formatFaultArea(area: number): string {
  return area < 10 ? area.toPrecision(2) : String(Math.round(area));
}
