import { useEffect, useState, type FormEvent } from 'react';
import { toProblem } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { rememberPlace, signInMethods, type SignInMethods } from '../auth/session';
import { ProblemAlert } from '../feedback/Feedback';

// The sign-in form: user name and password start a session on the server; "Sign in with <provider>"
// when the newsroom offers single sign-on. After too many failed tries the server says how long to
// wait, and the button waits that long.

export function SignIn() {
  const { signIn, signedOutBecause } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);

  useEffect(() => {
    let active = true;
    signInMethods()
      .then((m) => active && setMethods(m))
      .catch(() => undefined); // the form still works; a failed sign-in will say what is wrong
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    if (!waitUntil) return;
    const timer = window.setTimeout(() => setWaitUntil(0), Math.max(0, waitUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [waitUntil]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      setError(e);
      setPassword('');
      const wait = toProblem(e).retryAfterSeconds;
      if (wait) setWaitUntil(Date.now() + wait * 1000);
      setBusy(false);
    }
  }

  const sso = methods?.sso;
  return (
    <main className="signin">
      <form className="signin-form card" onSubmit={submit} aria-labelledby="signin-title" data-testid="signin-form">
        <h1 id="signin-title">Newsroom</h1>
        {signedOutBecause === 'session-ended' && (
          <div className="notice-box" role="status" data-testid="signed-out-notice">
            <strong>You have been signed out.</strong> Sign in again to continue where you were.
          </div>
        )}
        {signedOutBecause === 'signed-out' && (
          <p className="notice-box" role="status" data-testid="signed-out-notice">
            You signed out.
          </p>
        )}
        <p className="muted">Sign in with your Newsroom user name and password.</p>
        <label htmlFor="signin-username">User name</label>
        <input
          id="signin-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ProblemAlert error={error} signIn />
        <button type="submit" className="primary" disabled={busy || waitUntil > 0}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {sso && (
          <>
            <p className="signin-or" aria-hidden="true">
              or
            </p>
            <a
              className="button"
              href={sso.loginUrl}
              // The provider brings the browser back to "/": remember the view to return to.
              onClick={() => rememberPlace(window.location.hash)}
              data-testid="sso"
            >
              Sign in with {sso.name}
            </a>
          </>
        )}
      </form>
    </main>
  );
}
