// Renders a React component into jsdom for the component tests: one root at a time, in French,
// unmounted after each test. Import it from a test file whose environment is jsdom.
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../../web/src/i18n/index.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;

beforeAll(() => initI18n());
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** Renders `element` in a new container on the page and returns the container. */
export function render(element: ReactElement): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(element));
  return container;
}

/** Renders the last rendered root again with new props, as a parent re-rendering would. */
export function rerender(element: ReactElement): void {
  act(() => root?.render(element));
}
