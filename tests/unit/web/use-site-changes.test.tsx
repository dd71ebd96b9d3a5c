// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeNotice } from '../../../web/src/components/ChangeNotice.js';
import { initI18n } from '../../../web/src/i18n/index.js';
import { CHANGE_NOTICE_MS, useSiteChanges } from '../../../web/src/session/use-site-changes.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Stands for the browser's EventSource: the test dispatches the server's events. */
class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data?: unknown) {
    this.dispatchEvent(Object.assign(new Event(type), { data: JSON.stringify(data ?? {}) }));
  }
}

const ME = '11111111-1111-4111-8111-111111111111';
const MARIE = '22222222-2222-4222-8222-222222222222';

function Page({ onChange }: { onChange: () => void }) {
  return <ChangeNotice notice={useSiteChanges('site-1', onChange)} />;
}

describe('useSiteChanges', () => {
  let root: Root;
  let container: HTMLElement;
  const onChange = vi.fn();

  beforeAll(async () => {
    initI18n();
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ id: ME, email: 'moi@demo', displayName: 'Moi', roles: [] }), { status: 200 })));
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root.render(<Page onChange={onChange} />));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const source = () => FakeEventSource.instances.at(-1)!;
  const notice = () => container.querySelector('[data-testid="change-notice"]')!.textContent;

  it('opens the site\'s stream once the session is known', () => {
    expect(FakeEventSource.instances.map((instance) => instance.url)).toEqual(['/api/sites/site-1/events']);
  });

  it('ignores the events of my own saves', () => {
    act(() => source().emit('change', { siteId: 'site-1', layer: 'parcels', change: 'create', count: 1, updatedBy: ME, updatedByName: 'Moi' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(notice()).toBe('');
  });

  it("reloads on someone else's change and shows who changed what for 10 s", () => {
    vi.useFakeTimers();
    act(() => source().emit('change', { siteId: 'site-1', layer: 'parcels', change: 'update', count: 3, updatedBy: MARIE, updatedByName: 'Marie (Coordination)' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(notice()).toBe("Marie (Coordination) a modifié 3 parcelles — à l'instant");
    act(() => vi.advanceTimersByTime(CHANGE_NOTICE_MS));
    expect(notice()).toBe('');
    vi.useRealTimers();
  });

  it('reloads without a notice after a resync or a reconnection', () => {
    onChange.mockClear();
    act(() => source().emit('resync'));
    act(() => source().emit('open'));
    act(() => source().emit('error'));
    act(() => source().emit('open'));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(notice()).toBe('');
  });

  it('closes the stream when the page goes', () => {
    act(() => root.unmount());
    expect(source().closed).toBe(true);
  });
});
