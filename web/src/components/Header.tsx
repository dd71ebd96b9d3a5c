import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutDialog } from './AboutDialog.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link } from './Link.js';
import { SignIn } from './SignIn.js';

/** The top bar: the app's name (back to the sites), the language switch, "À propos" and signing in. */
export function Header({ title }: { title?: string }) {
  const { t } = useTranslation();
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <header className="header">
      <Link href="/" className="header__brand">
        {t('app.title')}
      </Link>
      <span className="header__title">{title ?? t('app.tagline')}</span>
      <nav className="header__actions">
        <button type="button" className="button button--quiet" onClick={() => setAboutOpen(true)}>
          {t('about.open')}
        </button>
        <LanguageSwitch />
        <SignIn />
      </nav>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </header>
  );
}
