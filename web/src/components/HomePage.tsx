import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { siteQueries } from '../api/site-queries.js';
import { sitePath } from '../routing/route.js';
import { navigate } from '../routing/use-route.js';
import { Header } from './Header.js';
import { Link } from './Link.js';
import { LoadState } from './LoadState.js';

/** The list of sites; with a single site, opens it straight away (its URL replaces `/`). */
export function HomePage() {
  const { t } = useTranslation();
  const sites = useQuery(siteQueries.sites());
  const onlySite = sites.data?.length === 1 ? sites.data[0] : undefined;

  useEffect(() => {
    if (onlySite) navigate(sitePath(onlySite.id), { replace: true });
  }, [onlySite]);

  return (
    <div className="page">
      <Header />
      <main className="home">
        <h1>{t('home.heading')}</h1>
        <LoadState state={{ error: sites.error ?? undefined, loading: sites.isFetching, retry: () => void sites.refetch() }} />
        {sites.data?.length === 0 && <p>{t('home.empty')}</p>}
        {sites.data && sites.data.length > 0 && (
          <ul className="home__sites" aria-label={t('home.sitesLabel')}>
            {sites.data.map((site) => (
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
