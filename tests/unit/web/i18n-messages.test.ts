import { describe, expect, it } from 'vitest';
import en from '../../../web/src/i18n/en.json';
import fr from '../../../web/src/i18n/fr.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('messages', () => {
  it('has the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('gives the accessible names end-to-end tests look for, in French', () => {
    expect(fr.filter.service).toBe('Service');
    expect(fr.filter.phase).toBe('Phase');
    expect(fr.legend.label).toBe('Légende');
    expect(fr.filter.allServices).toBe('Tous les services');
  });

  it('names undoing a saved change and cancelling a gesture with different words', () => {
    for (const messages of [fr, en]) expect(messages.history.undo).not.toBe(messages.editor.cancel);
    expect([fr.history.undo, fr.history.redo, fr.editor.cancel]).toEqual(['Défaire', 'Rétablir', 'Annuler']);
    expect(fr.history.undoLabel).not.toMatch(/Annuler/);
  });

  it('has a touch-screen hint for each drawing hint, speaking of taps and of no key', () => {
    for (const messages of [fr.editor, en.editor]) {
      const touchKeys = Object.keys(messages).filter((key) => key.endsWith('_touch'));
      expect(touchKeys.sort()).toEqual(['drawingHint_touch', 'editHint_touch', 'holeHint_touch', 'partHint_touch', 'splitHint_touch']);
      for (const key of touchKeys) {
        const hint = messages[key as keyof typeof messages] as string;
        expect(key.replace(/_touch$/, '') in messages).toBe(true);
        expect(hint).toMatch(/Touchez|touchez|Tap|tap/);
        expect(hint).not.toMatch(/Entrée|Échap|Suppr|clic|Enter|Escape|Delete|click/i);
      }
    }
  });

  it('states the sources and licences of the geography', () => {
    expect(fr.about.geography).toMatch(/DGFiP \/ Etalab, Licence Ouverte/);
    expect(fr.about.geography).toMatch(/contributeurs OpenStreetMap, ODbL/);
    expect(fr.about.scenario).toMatch(/scénario d'illustration/);
  });
});
