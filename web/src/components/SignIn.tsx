import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { signIn, signOut, useSession } from '../session/use-session.js';
import { HeaderMenu } from './HeaderMenu.js';

/** The header's account corner: "Se connecter" opens a small form; once signed in, a menu under the user's name holds "Se déconnecter". */
export function SignIn() {
  const { t } = useTranslation();
  const user = useSession();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user === undefined) return null;
  if (user) {
    return (
      <HeaderMenu className="sign-in sign-in--user" label={<span className="sign-in__name" data-testid="signed-in-user">{user.displayName}</span>}>
        {() => (
          <button type="button" className="button button--quiet" onClick={() => void signOut()}>
            {t('session.signOut')}
          </button>
        )}
      </HeaderMenu>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      setOpen(false);
      setPassword('');
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t('session.wrongCredentials') : t('app.error', { message: (caught as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('session.signIn')}
      </button>
      {open && (
        <form className="sign-in__form" aria-label={t('session.formLabel')} onSubmit={(event) => void submit(event)}>
          <label className="field">
            <span className="field__label">{t('session.email')}</span>
            <input type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} autoFocus />
          </label>
          <label className="field">
            <span className="field__label">{t('session.password')}</span>
            <input type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          {error && <p className="field__error" role="alert">{error}</p>}
          <button type="submit" className="button" disabled={busy}>
            {t('session.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
