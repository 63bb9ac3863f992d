// Hostile pages for tests/benchmarks/links/memory.sh, on 127.0.0.1 (prints its port):
//   /bomb          a gzip bomb: 200 MiB of text compressed to a few hundred KB (200 gzip members of 1 MiB each, which
//                  decode as one body)
//   /huge          100 MiB of uncompressed HTML, streamed without a Content-Length
//   /huge-length   the same with its Content-Length announced
//   /elements      a million tiny elements (<b> never closed: a million levels deep for a tree), 3 MB uncompressed
//   /elements-gz   a million <i></i>, gzip-compressed
//   /corrupt       a gzip body with its bytes damaged
//   /text/N        a 2 MiB gzip-compressed page of words whose text passes the 500,000-character cap (N = 1 … TEXT_PAGES)
'use strict';
const http = require('http');
const zlib = require('zlib');

const mib = Buffer.alloc(1024 * 1024, 'All work and no play. ');
const member = zlib.gzipSync(mib, { level: 9 });
const bomb = Buffer.concat([zlib.gzipSync(Buffer.from('<html><head><title>Page not found</title></head><body><p>')), ...Array(200).fill(member)]);
const elements = Buffer.from('<html><head><title>Page not found</title></head><body>' + '<b>'.repeat(1_000_000));
const elementsGz = zlib.gzipSync(Buffer.from('<html><head><title>Page not found</title></head><body>' + '<i></i>'.repeat(1_000_000)), { level: 9 });
const good = zlib.gzipSync(Buffer.from('<html><head><title>Fine</title></head><body><p>' + 'word '.repeat(20_000) + '</p></body></html>'));
const corrupt = Buffer.from(good);
for (let i = 20; i < corrupt.length - 8; i += 7) corrupt[i] ^= 0x5a;
// Each text page is its own small gzip member (title, figure) followed by one shared member of 2 MiB of words.
const words = zlib.gzipSync(Buffer.from('Households without water were counted again in every district of the province. '.repeat(26_000) + '</p></body></html>'), { level: 6 });
const text = (n) => Buffer.concat([zlib.gzipSync(Buffer.from(`<html><head><title>Text page ${n}</title></head><body><p>The ministry counted ${1000 + n} households. `)), words]);

const server = http.createServer((req, res) => {
  const url = req.url.split('?')[0];
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  const gz = { ...html, 'Content-Encoding': 'gzip' };
  if (url === '/bomb') { res.writeHead(200, { ...gz, 'Content-Length': bomb.length }); res.end(bomb); return; }
  if (url === '/elements') { res.writeHead(200, html); res.end(elements); return; }
  if (url === '/elements-gz') { res.writeHead(200, gz); res.end(elementsGz); return; }
  if (url === '/corrupt') { res.writeHead(200, gz); res.end(corrupt); return; }
  if (url === '/huge' || url === '/huge-length') {
    const total = 100 * 1024 * 1024;
    res.writeHead(200, url === '/huge-length' ? { ...html, 'Content-Length': total } : html);
    let sent = 0;
    const write = () => {
      while (sent < total) {
        sent += mib.length;
        if (!res.write(mib)) { res.once('drain', write); return; }
      }
      res.end();
    };
    res.on('close', () => { sent = total; });
    write();
    return;
  }
  const m = /^\/text\/(\d+)$/.exec(url);
  if (m) {
    const n = Number(m[1]);
    res.writeHead(200, gz);
    res.end(text(n));
    return;
  }
  res.writeHead(404, html);
  res.end('<title>Not found</title>');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
