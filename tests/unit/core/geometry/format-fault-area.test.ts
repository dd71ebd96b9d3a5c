import { describe, expect, it } from 'vitest';
import { formatFaultArea } from '../../../../core/geometry/format-fault-area.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import { validateAreaGeometry } from '../../../../core/geometry/validate-area-geometry.js';
import { multi, rectangle } from '../editing/editing-fixtures.js';

describe('formatFaultArea', () => {
  it('keeps two significant digits under 10 m² and whole metres from 10 m²', () => {
    expect([0.004321, 0.5, 4.26, 9.949, 9.96, 10, 10.5, 1234.4].map(formatFaultArea)).toEqual(['0.0043', '0.50', '4.3', '9.9', '10', '10', '11', '1234']);
  });

  it('writes the too-small fault of a grid fixture with the same figures, each time', () => {
    const geometry = multi([rectangle(0, 0, 1, 1)]);
    const area = geodesicArea(geometry);
    for (let round = 0; round < 2; round += 1) {
      const result = validateAreaGeometry(geometry, { minArea: 1000 });
      expect(result.valid).toBe(false);
      expect(JSON.stringify(result)).toContain(`covers ${formatFaultArea(area)} m², under this site's minimum of 1000 m²`);
    }
    expect(formatFaultArea(area)).toBe(String(Math.round(area)));
  });
});
