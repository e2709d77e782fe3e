// The Newsroom server for the browser tests: a copy of the packaged jar on a free loopback port with
// the demo users, a fresh data directory, and the newsroom's time zone set to Europe/Berlin (the
// browsers run in New York, so a time shown or read in the wrong zone shows up).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const UI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TARGET = join(UI, 'target');
export const SHOTS = join(TARGET, 'e2e-screenshots');
export const SERVER_LOG = join(TARGET, 'e2e-server.log');
// the server's start command (its JVM options and memory bounds), the same the README and the Docker image use
export const START_SCRIPT = resolve(UI, '..', 'newsroom-api', 'start.sh');
export const NEWSROOM_ZONE = 'Europe/Berlin';
export const BROWSER_ZONE = 'America/New_York';
const STARTUP_MS = 180_000;

/**
 * A free loopback port below the system's range for "any port" (32768 and up on Linux). The server's embedded
 * store listens on a port of that range: one picked free from it could be the store's a moment later, and the
 * web server would then fail to start.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(candidate)) return candidate;
  }
  throw new Error('no free port between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolveListen) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolveListen(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveListen(true)));
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(jarPath: string): Promise<RunningServer> {
  if (!existsSync(jarPath)) throw new Error(`no server jar at ${jarPath}; build it (./mvnw -B -DskipTests package) or set NEWSROOM_JAR`);
  mkdirSync(TARGET, { recursive: true });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'newsroom-e2e-'));
  // Run a copy: a build may rewrite the jar in target/ while the server reads classes from it.
  const jar = join(dataDir, 'newsroom-api.jar');
  copyFileSync(jarPath, jar);
  const out = openSync(SERVER_LOG, 'w');
  const server = spawn(
    '/bin/sh',
    [
      START_SCRIPT,
      '--spring.profiles.active=demo',
      `--server.port=${port}`,
      '--server.address=127.0.0.1',
      `--newsroom.mongodb.data-dir=${join(dataDir, 'data')}`,
      `--newsroom.calendar.time-zone=${NEWSROOM_ZONE}`,
      // a delivery to a receiver that is not there fails within a second, not after the production 8 attempts
      '--newsroom.publishing.max-attempts=2',
      '--newsroom.publishing.initial-backoff=300ms',
    ],
    { stdio: ['ignore', out, out], detached: true, env: { ...process.env, NEWSROOM_JAR: jar } },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcessGroup(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} while starting; see ${SERVER_LOG}`);
    try {
      const answer = await fetch(`${url}/actuator/health`, { signal: AbortSignal.timeout(2_000) });
      if (answer.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not report healthy at ${url}/actuator/health within ${STARTUP_MS / 1000} s; see ${SERVER_LOG}`);
}

/** Stops java and anything it started (its whole process group), forcibly after 15 s. */
function stopProcessGroup(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return Promise.resolve();
  const pid = server.pid;
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolveStop();
    }, 15_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolveStop();
    }
  });
}
