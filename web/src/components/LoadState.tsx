import { useTranslation } from 'react-i18next';
import type { AsyncState } from '../use-async.js';

/** "Loading…" while pending, the error's message with a retry button on failure, else nothing. */
export function LoadState({ state }: { state: AsyncState<unknown> }) {
  const { t } = useTranslation();
  if (state.error) {
    return (
      <p role="alert" className="load-state load-state--error">
        {t('app.error', { message: state.error.message })}{' '}
        <button type="button" className="button" onClick={state.retry}>
          {t('app.retry')}
        </button>
      </p>
    );
  }
  if (state.loading) {
    return (
      <p role="status" className="load-state">
        {t('app.loading')}
      </p>
    );
  }
  return null;
}
