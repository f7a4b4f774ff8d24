import type { ApiError, LoginResponse, Result } from '@antre/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';

export type SignInWord =
  | 'loginTitle'
  | 'username'
  | 'password'
  | 'signIn'
  | 'signingIn'
  | 'language'
  | 'serverUnreachable'
  | 'loginLocked'
  | 'wrongPassword';

type Translate = (word: SignInWord, values?: Record<string, string | number>) => string;

// The hub says how long a lock lasts (`retryAfterSeconds`); an older hub only in words.
const LOCK_MINUTES = 15;
export function lockMinutesLeft(error: ApiError): number {
  if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0)
    return Math.ceil(error.retryAfterSeconds / 60);
  return LOCK_MINUTES;
}

/** Why the sign-in failed, in the app's language: never the hub's English words. */
export function signInRefusal(error: ApiError, t: Translate): string {
  if (error.code === 'offline') return t('serverUnreachable');
  if (error.code === 'locked') return t('loginLocked', { minutes: lockMinutesLeft(error) });
  return t('wrongPassword');
}

/**
 * Staff sign-in for the counter and admin apps. The app decides who may use it: `refuse`
 * returns the reason (already in the app's language) for a person it does not serve.
 */
export function SignInScreen<Signed = LoginResponse>(props: {
  t: Translate;
  notice: string | null;
  /** A building's sign-in, or the regional overview's (its own answer). */
  login: (username: string, password: string) => Promise<Result<Signed>>;
  refuse: (signedIn: Signed) => string | null;
  onSignedIn: (signedIn: Signed) => void;
  onToggleLanguage: () => void;
  buttonClassName?: string;
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
    const result = await props.login(username.trim(), password);
    setPending(false);
    if (!result.ok) {
      setError(signInRefusal(result.error, t));
      return;
    }
    const refusal = props.refuse(result.value);
    if (refusal) {
      setError(refusal);
      return;
    }
    props.onSignedIn(result.value);
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
        <button className={props.buttonClassName ?? 'primary'} type="submit" disabled={pending}>
          {pending ? t('signingIn') : t('signIn')}
        </button>
        <button type="button" className="link" onClick={props.onToggleLanguage}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
