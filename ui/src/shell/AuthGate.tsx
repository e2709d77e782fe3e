import type { ReactNode } from 'react';
import { ChoosePasswordScreen } from '../account/ChoosePasswordScreen';
import { useAuth } from '../auth/AuthContext';
import { SignIn } from './SignIn';

/** The dashboard for whoever is signed in with their own password; the sign-in form or the password screen otherwise. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { me, phase } = useAuth();
  if (phase === 'restoring') {
    return (
      <main className="signin" aria-busy="true">
        <p>Signing in…</p>
      </main>
    );
  }
  if (!me) return <SignIn />;
  // A one-time password: choosing one's own is the only thing the newsroom allows until it is done.
  if (me.passwordChangeRequired) return <ChoosePasswordScreen />;
  return <>{children}</>;
}
