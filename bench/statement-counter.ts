/**
 * Counts the SQL statements a server sends to PostgreSQL: a TCP proxy that the server connects
 * to instead of PostgreSQL, which forwards every byte unchanged and reads the frontend messages
 * of the wire protocol as they pass. Each simple Query ('Q') and each Execute of the extended
 * protocol ('E', what a parameterised statement sends after Parse/Bind) is one statement run.
 * (A simple Query holding several statements separated by semicolons counts once; neither the
 * ORM nor the plain handler sends such.)
 *
 * Chosen over pg_stat_statements because it needs nothing from the server: that extension must be
 * in shared_preload_libraries, which the embedded PostgreSQL the bench starts (src/, fixed flags)
 * does not set, and a DATABASE_URL server may not either; nor does it need superuser or an idle
 * server. It cannot read an encrypted stream: an SSLRequest is answered "no" (N) by the proxy
 * itself, so the server must connect without TLS (sslmode=require refuses; the bench then says so).
 */
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export interface StatementCounter {
  /** Where to connect instead of PostgreSQL. */
  port: number;
  /** Statements run so far ('Q' and 'E' messages). */
  statements(): number;
  close(): Promise<void>;
}

/** Reads frontend messages as they pass, chunk by chunk, and counts 'Q' and 'E'. */
class FrontendParser {
  /** Before the startup message: bytes held back until it is known whether they ask for encryption. */
  private startup: Buffer | null = Buffer.alloc(0);
  private header = Buffer.alloc(0);
  private skip = 0;

  constructor(
    private readonly onStatement: () => void,
    /** Answers an SSL or GSS encryption request in place of the server. */
    private readonly refuseEncryption: () => void,
  ) {}

  /** Parses a chunk; returns the bytes to forward (an encryption request is answered here, not forwarded). */
  feed(chunk: Buffer): Buffer {
    if (this.startup) {
      let pending = Buffer.concat([this.startup, chunk]);
      while (pending.length >= 8) {
        const length = pending.readInt32BE(0);
        const code = pending.readInt32BE(4);
        if (length !== 8 || (code !== SSL_REQUEST && code !== GSSENC_REQUEST)) break;
        this.refuseEncryption();
        pending = pending.subarray(8);
      }
      if (pending.length < 8) {
        this.startup = pending;
        return Buffer.alloc(0);
      }
      // The startup message (or a cancel request): forwarded whole; the messages after it are typed.
      this.startup = null;
      this.skip = pending.readInt32BE(0);
      this.scan(pending);
      return pending;
    }
    this.scan(chunk);
    return chunk;
  }

  private scan(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - offset);
        this.skip -= n;
        offset += n;
        continue;
      }
      const take = Math.min(5 - this.header.length, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length < 5) return;
      const type = String.fromCharCode(this.header[0]!);
      this.skip = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
      if (type === 'Q' || type === 'E') this.onStatement();
    }
  }
}

/** Starts the proxy on a free loopback port, in front of `target` (PostgreSQL's host and port). */
export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const parser = new FrontendParser(
      () => (statements += 1),
      () => client.write('N'),
    );
    client.on('data', (chunk: Buffer) => {
      const out = parser.feed(chunk);
      if (out.length) upstream.write(out);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    statements: () => statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
