// Starts one Newsroom server (and, unless the jar's own dashboard is tested, a front serving ui/dist
// on the same origin) for all browser tests, and stops it afterwards.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { startFront } from './serve.mjs';
import { SHOTS, startServer, UI } from './server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(SHOTS, { recursive: true, force: true }); // only this run's pictures
  mkdirSync(SHOTS, { recursive: true });
  const jar = resolve(UI, process.env.NEWSROOM_JAR ?? '../newsroom-api/target/newsroom-api.jar');
  const server = await startServer(jar);
  let front: Server | null = null;
  let base = `${server.url}/`;
  if (process.env.E2E_USE_SERVER_UI !== '1') {
    if (!existsSync(join(UI, 'dist', 'index.html'))) {
      await server.stop();
      throw new Error('no ui/dist; run npm run build first (or npm run e2e, which builds)');
    }
    front = (await startFront({ port: 0, target: server.url, dist: join(UI, 'dist') })) as Server;
    const address = front.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  }
  // Tests read these (the workers inherit the environment).
  process.env.E2E_BASE_URL = base;
  process.env.E2E_API_URL = server.url;
  console.log(`[e2e] server ${server.url}, dashboard ${base}`);
  return async () => {
    await new Promise<void>((r) => (front ? front.close(() => r()) : r()));
    await server.stop();
  };
}
