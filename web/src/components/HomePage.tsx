import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteSummary } from '../../../core/index.js';
import { api } from '../api/client.js';
import { sitePath } from '../routing/route.js';
import { navigate } from '../routing/use-route.js';
import { useAsync } from '../use-async.js';
import { Header } from './Header.js';
import { Link } from './Link.js';
import { LoadState } from './LoadState.js';

/** The list of sites; with a single site, opens it straight away (its URL replaces `/`). */
export function HomePage() {
  const { t } = useTranslation();
  const sites = useAsync<SiteSummary[]>((signal) => api.listSites(signal), []);
  const onlySite = sites.value?.length === 1 ? sites.value[0] : undefined;

  useEffect(() => {
    if (onlySite) navigate(sitePath(onlySite.id), { replace: true });
  }, [onlySite]);

  return (
    <div className="page">
      <Header />
      <main className="home">
        <h1>{t('home.heading')}</h1>
        <LoadState state={sites} />
        {sites.value?.length === 0 && <p>{t('home.empty')}</p>}
        {sites.value && sites.value.length > 0 && (
          <ul className="home__sites" aria-label={t('home.sitesLabel')}>
            {sites.value.map((site) => (
              <li key={site.id}>
                <Link href={sitePath(site.id)} aria-label={t('home.open', { name: site.name })}>
                  <strong>{site.name}</strong> <span>{site.commune}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
