/**
 * Issue 13: webhook URLs may lead only to the public internet. The rules on IP addresses (after
 * unwrapping the IPv6 forms that carry an IPv4 one) and on host names, as `new URL()` gives them.
 */
import { isAllowedTargetAddress, webhookHostVerdict } from '../../src/domain/network-address';

const production = { allowLoopback: false };
const development = { allowLoopback: true };

describe('issue 13: which IP addresses a webhook may be sent to', () => {
  test.each([
    // IPv4
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback, anywhere in 127/8'],
    ['10.0.0.5', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12, its end'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local: the cloud metadata service'],
    ['100.64.0.1', 'carrier-grade NAT 100.64/10'],
    ['100.100.100.200', 'carrier-grade NAT: a cloud metadata service'],
    ['0.0.0.0', 'unspecified (reaches this host)'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved 240/4'],
    ['192.0.0.192', 'reserved 192.0.0.0/24 (IETF protocol assignments; a cloud metadata service)'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    // IPv6
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['fc00::1', 'unique-local fc00::/7'],
    ['fd00:ec2::254', 'unique-local: a cloud metadata service'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'deprecated site-local'],
    ['2001:db8::1', 'documentation'],
    ['100::1', 'discard'],
    // IPv6 carrying an IPv4 address
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, in hex'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata service'],
    ['::ffff:10.0.0.5', 'IPv4-mapped private'],
    ['::7f00:1', 'IPv4-compatible loopback'],
    ['::a00:5', 'IPv4-compatible private'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
    ['64:ff9b::a00:5', 'NAT64 of a private address'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata service'],
    ['64:ff9b:1::808:808', 'local-use NAT64 prefix'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:a00:5::1', '6to4 of a private address'],
    ['2001:0:a00:5::1', 'Teredo with a private server'],
    ['2001:0:808:808:0:0:80ff:fffe', 'Teredo with a loopback client (stored inverted)'],
    // Not addresses at all
    ['', 'empty'],
    ['localhost', 'a name'],
    ['1.2.3.4.5', 'malformed'],
  ])('%s is refused (%s)', (address) => {
    expect(isAllowedTargetAddress(address, production)).toBe(false);
  });

  test.each([
    ['93.184.215.14'],
    ['8.8.8.8'],
    ['51.140.0.1'],
    ['172.32.0.1'], // just outside 172.16/12
    ['100.128.0.1'], // just outside 100.64/10
    ['2606:4700:4700::1111'],
    ['2a00:1450:4009:81f::200e'],
    ['::ffff:8.8.8.8'], // IPv4-mapped public
    ['64:ff9b::808:808'], // NAT64 of a public address (DNS64 networks)
    ['2002:808:808::1'], // 6to4 of a public address
    ['[2606:4700:4700::1111]'], // as a URL writes it
  ])('%s, a public address, is allowed', (address) => {
    expect(isAllowedTargetAddress(address, production)).toBe(true);
    expect(isAllowedTargetAddress(address, development)).toBe(true);
  });

  test('in development loopback is allowed too, in every form, but nothing else internal', () => {
    for (const loopback of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]']) {
      expect(isAllowedTargetAddress(loopback, development)).toBe(true);
    }
    for (const internal of [
      '10.0.0.5',
      '169.254.169.254',
      '192.168.0.1',
      '100.64.0.1',
      'fe80::1',
      'fd00::1',
      '0.0.0.0',
      '::',
      '::ffff:10.0.0.5',
    ]) {
      expect(isAllowedTargetAddress(internal, development)).toBe(false);
    }
  });
});

/** The hostname `new URL()` gives, as registration and the worker see it. */
const hostOf = (url: string) => new URL(url).hostname;

describe('issue 13: which URL hosts a webhook may name', () => {
  test.each([
    ['https://169.254.169.254/latest/meta-data', 'address'],
    ['https://10.0.0.5', 'address'],
    ['https://[::ffff:127.0.0.1]', 'address'],
    ['https://[::1]/hook', 'address'],
    ['https://[fd00:ec2::254]/', 'address'],
    ['https://[64:ff9b::a9fe:a9fe]/', 'address'],
    ['https://2130706433/', 'address'], // decimal 127.0.0.1
    ['https://0177.0.0.1/', 'address'], // octal
    ['https://0x7f.0.0.1/', 'address'], // hex
    ['https://0x7f000001/', 'address'],
    ['https://127.1/', 'address'], // short form
    ['https://0/', 'address'], // 0.0.0.0
    ['https://127.0.0.1./', 'address'],
    ['https://localhost', 'name'],
    ['https://LOCALHOST/', 'name'],
    ['https://localhost./', 'name'],
    ['https://api.localhost/', 'name'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'name'],
    ['https://metadata.google.internal./', 'name'],
    ['https://instance-data.ec2.internal/', 'name'],
    ['https://printer.local/', 'name'],
    ['https://router.home.arpa/', 'name'],
    ['https://intranet/', 'name'], // a single label: the server's search domains decide
    ['https://metadata/', 'name'],
    ['https://receiver.test/', 'name'],
    ['https://a..b/', 'name'],
  ])('%s is refused by its form alone', (url, kind) => {
    const verdict = webhookHostVerdict(hostOf(url), production);
    expect(verdict).toEqual(expect.objectContaining({ kind, allowed: false }));
  });

  test.each([
    ['https://example.gov.uk/hook', 'name'],
    ['https://hooks.manchester.gov.uk./ofsted', 'name'], // a trailing dot changes nothing
    ['https://93.184.215.14/hook', 'address'],
    ['https://[2606:4700:4700::1111]/hook', 'address'],
    ['https://xn--bcher-kva.example.org/', 'name'],
  ])('%s is allowed by its form (a name still has to resolve to public addresses)', (url, kind) => {
    expect(webhookHostVerdict(hostOf(url), production)).toEqual(expect.objectContaining({ kind, allowed: true }));
  });

  test('odd IPv4 notations are recognised as the address they are, as WHATWG URL normalises them', () => {
    for (const url of ['https://2130706433/', 'https://0177.0.0.1/', 'https://0x7f.1/', 'https://127.1/']) {
      expect(webhookHostVerdict(hostOf(url), production)).toEqual({ kind: 'address', address: '127.0.0.1', allowed: false });
    }
    expect(webhookHostVerdict(hostOf('https://[0:0:0:0:0:ffff:7f00:1]/'), production)).toEqual({
      kind: 'address',
      address: '::ffff:7f00:1',
      allowed: false,
    });
  });

  test('in development localhost and loopback addresses are allowed; other local names and internal addresses are not', () => {
    for (const url of ['http://localhost:4000/hook', 'http://127.0.0.1:8080/hook', 'http://[::1]:8080/hook']) {
      expect(webhookHostVerdict(hostOf(url), development).allowed).toBe(true);
    }
    for (const url of [
      'https://api.localhost/',
      'https://metadata.google.internal/',
      'https://169.254.169.254/',
      'https://10.0.0.5/',
      'https://printer.local/',
    ]) {
      expect(webhookHostVerdict(hostOf(url), development).allowed).toBe(false);
    }
  });
});
