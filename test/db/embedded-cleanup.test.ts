/**
 * removeAbandonedClusters (jest globalSetup): a test run that was killed leaves its embedded
 * cluster in .data/jest-pg-<pid>; the next run deletes it, but never the folder of a run whose
 * process is still alive, and never anything else in .data.
 *
 * Only folders this file creates are written or removed. When jest runs in band, the folder named
 * after this process is the live cluster of this very run: it is then checked, never touched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../../src/db/embedded-postgres';
import { projectRoot } from '../../src/paths';
import { removeAbandonedClusters } from '../support/global-setup';

const DATA_ROOT = path.join(projectRoot, '.data');
/** coreutils' sleep: a program that keeps the name it was started by. */
const SLEEP = ['/usr/bin/sleep', '/bin/sleep'].find((file) => fs.existsSync(file)) ?? 'sleep';

/** The pid of a process that has exited (and been reaped), so nothing owns it now. */
function deadPid(): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = spawnSync(process.execPath, ['-e', '']);
    if (result.pid && !isProcessAlive(result.pid)) return result.pid;
  }
  throw new Error('could not find a pid that is not in use');
}

const created: string[] = [];

/** Creates a folder in .data that must not exist yet, with a dummy file, and remembers it for clean-up. */
function makeFolder(name: string, files: Record<string, string> = { PG_VERSION: '18\n' }): string {
  const dir = path.join(DATA_ROOT, name);
  if (fs.existsSync(dir)) throw new Error(`${dir} exists already: refusing to use it`);
  fs.mkdirSync(dir, { recursive: true });
  created.push(dir);
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

/** Entries of .data that are not ours, before the tests: they must all survive. */
let othersBefore: string[] = [];
let ownFolder: string;
let ownFolderExisted = false;
const children: ChildProcess[] = [];

beforeAll(() => {
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  othersBefore = fs
    .readdirSync(DATA_ROOT)
    .filter((entry) => !entry.startsWith('jest-pg-'))
    .sort();
  ownFolder = path.join(DATA_ROOT, `jest-pg-${process.pid}`);
  ownFolderExisted = fs.existsSync(ownFolder);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

describe('removeAbandonedClusters', () => {
  test('deletes the folder of a run whose process is gone, with its contents', () => {
    const pid = deadPid();
    const dir = makeFolder(`jest-pg-${pid}`, { PG_VERSION: '18\n', 'dummy.txt': 'left behind by a killed run\n' });
    fs.mkdirSync(path.join(dir, 'base', '1'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'base', '1', 'relation'), 'data');

    removeAbandonedClusters();

    expect(fs.existsSync(dir)).toBe(false);
  });

  test('keeps the folder named after a live process (this one)', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    if (!ownFolderExisted) makeFolder(`jest-pg-${process.pid}`, { 'dummy.txt': 'a run in progress\n' });
    const contentsBefore = fs.readdirSync(ownFolder).sort();

    removeAbandonedClusters();

    expect(fs.existsSync(ownFolder)).toBe(true);
    expect(fs.readdirSync(ownFolder).sort()).toEqual(contentsBefore);
  });

  test('deletes an abandoned folder whose postmaster.pid names a process that is gone', () => {
    const owner = deadPid();
    const postmaster = deadPid();
    const dir = makeFolder(`jest-pg-${owner}`, { 'postmaster.pid': `${postmaster}\n/some/dir\n` });

    removeAbandonedClusters();

    expect(fs.existsSync(dir)).toBe(false);
  });

  async function startStandIn(executable: string, args = ['-e', 'setInterval(() => {}, 1000)']) {
    // A stand-in for an orphaned process: a child of this test that waits to be signalled.
    const child = spawn(executable, args, { stdio: 'ignore' });
    children.push(child);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
    return { child, exited };
  }

  test("stops a postgres still running on an abandoned folder (SIGQUIT to postmaster.pid's process)", async () => {
    // A program started through a link named "postgres" runs as a process called postgres. Not
    // Node itself: from Node 24 its main thread is named MainThread, whatever the link is called.
    const linkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-postgres-'));
    const link = path.join(linkDir, 'postgres');
    fs.symlinkSync(SLEEP, link);
    try {
      const { child, exited } = await startStandIn(link, ['600']);
      const dir = makeFolder(`jest-pg-${deadPid()}`, { 'postmaster.pid': `${child.pid}\n/x\n` });

      removeAbandonedClusters();

      expect(fs.existsSync(dir)).toBe(false);
      await expect(exited).resolves.toBe('SIGQUIT');
    } finally {
      fs.rmSync(linkDir, { recursive: true, force: true });
    }
  });

  test('never signals a process that merely reuses the pid of a stale postmaster.pid', async () => {
    const { child, exited } = await startStandIn(process.execPath);
    const dir = makeFolder(`jest-pg-${deadPid()}`, { 'postmaster.pid': `${child.pid}\n/x\n` });

    removeAbandonedClusters();

    expect(fs.existsSync(dir)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250)); // time for a signal, had one been sent, to land
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    child.kill('SIGTERM');
    await expect(exited).resolves.toBe('SIGTERM');
  });

  test('leaves folders without the jest-pg- prefix alone, including every folder that was there before', () => {
    const decoy = makeFolder(`jest-pgx-${deadPid()}`);
    const decoy2 = makeFolder(`old-jest-pg-${deadPid()}`);

    removeAbandonedClusters();

    expect(fs.existsSync(decoy)).toBe(true);
    expect(fs.existsSync(decoy2)).toBe(true);
    const othersAfter = fs
      .readdirSync(DATA_ROOT)
      .filter((entry) => !entry.startsWith('jest-pg-'))
      .sort();
    expect(othersAfter).toEqual(expect.arrayContaining(othersBefore));
  });
});
