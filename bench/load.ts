/**
 * The load bench's machinery: servers started as child processes (the real one, `node
 * dist/src/main.js`, and the plain handler), waiting for them to answer, their resident memory
 * from /proc, and autocannon runs that rotate through a list of request bodies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface ChildServer {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The last lines it wrote (stdout and stderr). */
  output(): string;
  /** Lines it wrote since it started. */
  lines(): number;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// Whatever happens to the bench, no server it started outlives it.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node <script>` with `env` (which must set PORT) and waits until GET `readyPath` answers
 * 200. Returns the server and how long that took from the spawn, in milliseconds.
 */
export async function startServer(options: {
  name: string;
  script: string;
  /** Node's own options, before the script (`--max-semi-space-size=16`). */
  nodeOptions?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<{ server: ChildServer; readyMs: number }> {
  const url = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), options.script], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let tail: string[] = [];
  let lines = 0;
  const collect = (chunk: Buffer) => {
    const parts = chunk.toString('utf8').split('\n').filter(Boolean);
    lines += parts.length;
    tail = [...tail, ...parts].slice(-30);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
    children.delete(child);
  });
  const server: ChildServer = {
    name: options.name,
    pid: child.pid!,
    url,
    output: () => tail.join('\n'),
    lines: () => lines,
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = started + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (gone) throw new Error(`${options.name} exited before it was ready:\n${server.output()}`);
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`${options.name} was not ready within ${options.timeoutMs ?? 60_000} ms:\n${server.output()}`);
    }
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/readyz'}`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return { server, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

/** The resident set size of a process, in bytes (VmRSS in /proc/<pid>/status), or null when it cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; the peak seen. */
export function sampleResident(pid: number, intervalMs = 50): { stop(): number | null } {
  let peak: number | null = residentBytes(pid);
  const timer = setInterval(() => {
    const now = residentBytes(pid);
    if (now !== null && (peak === null || now > peak)) peak = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const now = residentBytes(pid);
      if (now !== null && (peak === null || now > peak)) peak = now;
      return peak;
    },
  };
}

export interface LoadResult {
  /** Completed requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses other than 2xx, connection errors and timeouts. */
  failures: number;
}

/**
 * POSTs to `url`/graphql from `connections` connections for `seconds`, each request the next of
 * `bodies` in turn (shared by every connection).
 */
export async function load(url: string, bodies: readonly string[], connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          request.body = bodies[next++ % bodies.length];
          return request;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A plain-text table: columns padded to their widest cell, numbers (align 'r') to the right. */
export function table(headers: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
