/**
 * The bulk exports, streamed by a server in this same process (so that its memory can be
 * watched): time, size, peak memory growth, and the heap an export holds at once, which must not
 * grow with its size (README, "Bulk export").
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection, so that memory growth is measured from a settled heap. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Reads a download to the end as a client would, dropping the body: its size and line count. */
async function drain(url: string): Promise<{ bytes: number; lines: number }> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
  }
  return { bytes, lines };
}

/**
 * Streams each bulk export (server and client share this process). A first pass times it and
 * samples RSS and heap every 2 ms (peak growth over a settled start; the heap's includes garbage
 * not yet collected). A second pass forces a full collection every 100 ms and keeps the largest
 * heap left: what the export really holds at once, which must not grow with its size.
 */
export async function streamExports(address: string): Promise<void> {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  for (const [name, path] of [
    ['providers.csv, whole register', '/exports/providers.csv'],
    ['reports.jsonl, whole register', '/exports/reports.jsonl'],
    ['providers.csv, North West', '/exports/providers.csv?region=E12000002'],
    ['reports.jsonl, North West', '/exports/reports.jsonl?region=E12000002'],
  ]) {
    collectGarbage();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sample = () => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    };
    const sampler = setInterval(sample, 2);
    const started = performance.now();
    const { bytes, lines } = await drain(`${address}${path}`);
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    sample();

    collectGarbage();
    const settled = process.memoryUsage().heapUsed;
    let live = settled;
    const collector = setInterval(() => {
      collectGarbage();
      live = Math.max(live, process.memoryUsage().heapUsed);
    }, 100);
    await drain(`${address}${path}`);
    clearInterval(collector);
    process.stdout.write(
      `export ${name.padEnd(31)} ${String(lines).padStart(5)} lines ${mb(bytes).padStart(5)} MB ${elapsed.toFixed(0).padStart(5)} ms  ` +
        `peak RSS +${mb(peakRss - baseline.rss)} MB, peak heap +${mb(peakHeap - baseline.heapUsed)} MB, live heap +${mb(live - settled)} MB\n`,
    );
  }
}
