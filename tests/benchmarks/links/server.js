// Benchmark server for tests/benchmarks/links/run.sh: serves /page/1 … /page/N on 127.0.0.1 with a fixed latency.
// Every 20th page (5%) answers its first request (any method) with 429 (Retry-After: 1) or 503, alternately, then 200.
// Every answer is a small HTML page whose title is "Page N". GET /stats gives the request count; the server prints its port.
'use strict';
const http = require('http');
const latency = Number(process.env.LATENCY_MS || 50);
const faults = process.env.FAULTS !== '0';
const seen = new Set();
let requests = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ requests }));
    return;
  }
  requests++;
  setTimeout(() => {
    const m = /^\/page\/(\d+)$/.exec(req.url.split('?')[0]);
    if (!m) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>Not found</title></head><body>Not found</body></html>');
      return;
    }
    const n = Number(m[1]);
    if (faults && n % 20 === 0 && !seen.has(n)) {
      seen.add(n);
      if ((n / 20) % 2 === 1) {
        res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'text/plain' });
        res.end('Too many requests');
      } else {
        res.writeHead(503, { 'Content-Type': 'text/plain' });
        res.end('Service unavailable');
      }
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : `<!doctype html><html><head><title>Page ${n}</title></head><body><h1>Page ${n}</h1><p>Figure ${n * 7} of the report.</p></body></html>`);
  }, latency);
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
