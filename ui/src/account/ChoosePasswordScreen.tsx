import { useAuth, useMe } from '../auth/AuthContext';
import { PasswordForm } from './PasswordForm';

// Signed in with a one-time password (a new account, or an admin's reset): the only thing to do is to
// choose one's own. Every other request would be refused (403 password-change-required) until then.

export function ChoosePasswordScreen() {
  const me = useMe();
  const { signOut } = useAuth();
  return (
    <main className="signin" id="main">
      <section className="signin-form card choose-password" aria-labelledby="choose-title" data-testid="choose-password">
        <h1 id="choose-title">Choose your own password</h1>
        <p>
          Welcome, {me.displayName || me.username}. You signed in with a one-time password. Choose your own now: until you
          do, the newsroom lets you do nothing else, and nobody else — not even an admin — will ever know it.
        </p>
        <PasswordForm
          username={me.username}
          currentLabel="One-time password (the one you signed in with)"
          submitLabel="Set my password"
        />
        <button type="button" className="link signout-link" onClick={() => void signOut()}>
          Sign out
        </button>
      </section>
    </main>
  );
}
