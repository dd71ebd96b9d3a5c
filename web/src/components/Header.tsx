import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutDialog } from './AboutDialog.js';
import { HeaderMenu } from './HeaderMenu.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link } from './Link.js';
import { SignIn } from './SignIn.js';

/**
 * The top bar: the app's name (back to the sites), "À propos", the language switch and signing in.
 * On a narrow screen "À propos" and the language go behind a "Menu" button (styles.css), so that
 * the bar fits a phone and "Se connecter" stays in view.
 */
export function Header({ title }: { title?: string }) {
  const { t } = useTranslation();
  const [aboutOpen, setAboutOpen] = useState(false);
  const shownTitle = title ?? t('app.tagline');
  return (
    <header className="header">
      <Link href="/" className="header__brand">
        {t('app.title')}
      </Link>
      <span className="header__title" title={shownTitle}>{shownTitle}</span>
      <nav className="header__actions">
        <HeaderMenu className="header__more" label={<span className="header__menu-icon" aria-hidden="true" />} accessibleName={t('app.menu')}>
          {(close) => (
            <>
              <button type="button" className="button button--quiet" onClick={() => {
                close();
                setAboutOpen(true);
              }}>
                {t('about.open')}
              </button>
              <LanguageSwitch />
            </>
          )}
        </HeaderMenu>
        <SignIn />
      </nav>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </header>
  );
}
