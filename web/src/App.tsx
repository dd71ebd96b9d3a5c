import { useTranslation } from 'react-i18next';
import { Header } from './components/Header.js';
import { HomePage } from './components/HomePage.js';
import { Link } from './components/Link.js';
import { SitePage } from './components/SitePage.js';
import { useRoute } from './routing/use-route.js';

/** Picks the page from the URL. */
export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'site':
      return <SitePage key={route.siteId} siteId={route.siteId} />;
    case 'not-found':
      return (
        <div className="page">
          <Header />
          <main className="home">
            <p>{t('app.notFound')}</p>
            <Link href="/">{t('app.backHome')}</Link>
          </main>
        </div>
      );
  }
}
