import type { Server } from 'node:http';

/** Serves ui/dist and passes /api, /actuator and /ws through to a Newsroom server (see serve.mjs). */
export function startFront(options: { port?: number; host?: string; target: string; dist: string }): Promise<Server>;
