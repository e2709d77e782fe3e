import { useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthContext';
import { ProblemAlert } from '../feedback/Feedback';

export function SignIn() {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ username: username.trim(), password });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <form className="signin-form card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Newsroom</h1>
        <p className="muted">Sign in with your Newsroom user. Your credentials are kept for this tab only.</p>
        <label htmlFor="signin-username">User name</label>
        <input
          id="signin-username"
          name="username"
          autoComplete="username"
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
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
