import type { FormEvent } from 'react';
import { useState } from 'react';
import type { Translate } from './messages';
import type { Session } from './session';
import { hubApi } from './session';

export function LoginScreen(props: {
  t: Translate;
  notice: string | null;
  onSignedIn: (session: Session) => void;
  onToggleLanguage: () => void;
}) {
  const { t } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(props.notice);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const result = await hubApi.login(username.trim(), password);
    setPending(false);
    if (!result.ok) {
      setError(t(result.error.code === 'offline' ? 'loginOffline' : 'wrongPassword'));
      return;
    }
    const { token, user } = result.value;
    // Officers have the counter app; this one is for the people who answer for the building.
    if (user.role !== 'admin' && user.role !== 'supervisor') {
      void hubApi.logout(token);
      setError(t('officerRefused'));
      return;
    }
    props.onSignedIn({ token, user });
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)}>
        <h1>{t('loginTitle')}</h1>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={pending}>
          {pending ? t('signingIn') : t('signIn')}
        </button>
        <button type="button" className="link" onClick={props.onToggleLanguage}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
