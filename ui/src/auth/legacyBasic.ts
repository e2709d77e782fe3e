// For a server that has no sign-in sessions yet (GET /api/session/options is not there): the user
// name and password are sent as HTTP Basic on every request and in the STOMP CONNECT frame. They are
// kept in this module's memory only — never in sessionStorage, localStorage or IndexedDB — so a
// reload asks to sign in again. A server with sessions never gets here. Remove this file once every
// server the dashboard is served by has sessions.

export interface Credentials {
  username: string;
  password: string;
}

let credentials: Credentials | null = null;

export function setLegacyBasic(value: Credentials | null): void {
  credentials = value;
}

export function legacyCredentials(): Credentials | null {
  return credentials;
}

/** The Authorization header while signed in against a server without sessions; none otherwise. */
export function legacyAuthorization(): Record<string, string> {
  return credentials ? { Authorization: basicAuth(credentials) } : {};
}

/** The HTTP Basic header value; UTF-8 safe. */
export function basicAuth({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return `Basic ${btoa(binary)}`;
}
