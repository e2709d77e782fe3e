// A tiny same-origin front for end-to-end tests: serves ui/dist at "/" and passes /api, /actuator
// and the /ws WebSocket through to a Newsroom server — what Spring Boot will do when it serves the
// dashboard itself. No dependencies beyond Node.
//
//   node e2e/serve.mjs --port 14173 --target http://127.0.0.1:8080
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

const PROXIED = ['/api', '/actuator', '/ws', '/calendar.ics', '/swagger-ui', '/v3/api-docs'];

/** Starts the front; resolves to the http.Server once it listens. */
export function startFront({ port = 0, host = '127.0.0.1', target, dist }) {
  const root = resolve(dist);
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (PROXIED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))) {
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host, ...(req.headers.origin ? { origin: upstream.origin } : {}) },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502, { 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Server unreachable', status: 502, detail: String(error.message) }));
      });
      req.pipe(forward);
      return;
    }
    let file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });

  // WebSocket upgrade: replay the request line and headers to the server, then pipe raw bytes.
  server.on('upgrade', (req, socket, head) => {
    const connection = net.connect(Number(upstream.port), upstream.hostname, () => {
      // Same origin as far as the server can tell, as when it serves the dashboard itself.
      const headers = Object.entries({ ...req.headers, host: upstream.host, ...(req.headers.origin ? { origin: upstream.origin } : {}) })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      connection.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      if (head?.length) connection.write(head);
      connection.pipe(socket);
      socket.pipe(connection);
    });
    connection.on('error', () => socket.destroy());
    socket.on('error', () => connection.destroy());
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  const server = await startFront({
    port: Number(arg('port', '14173')),
    target: arg('target', 'http://127.0.0.1:8080'),
    dist: arg('dist', join(here, '..', 'dist')),
  });
  const { port } = server.address();
  console.log(`Newsroom dashboard on http://127.0.0.1:${port}/ (API from ${arg('target', 'http://127.0.0.1:8080')})`);
}
