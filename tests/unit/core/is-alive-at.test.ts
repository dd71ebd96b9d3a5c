import { describe, expect, it } from 'vitest';
import { isAliveAt } from '../../../core/index.js';

describe('isAliveAt', () => {
  it('includes the first phase and excludes the end of the range', () => {
    const range = { fromPhase: 1, toPhase: 3 };
    expect([0, 1, 2, 3].map((phase) => isAliveAt(range, phase))).toEqual([false, true, true, false]);
  });

  it('treats a null end as open-ended', () => {
    expect(isAliveAt({ fromPhase: 0, toPhase: null }, 99)).toBe(true);
  });
});
