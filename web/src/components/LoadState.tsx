import { useTranslation } from 'react-i18next';

/** Where some loads stand: the first error, whether any is on its way, and a way to run the failed ones again. */
export interface LoadStatus {
  error: Error | undefined;
  loading: boolean;
  retry: () => void;
}

/** "Loading…" while pending, the error's message with a retry button on failure, else nothing. */
export function LoadState({ state }: { state: LoadStatus }) {
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
