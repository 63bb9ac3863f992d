// Benchmark server for tests/benchmarks/links/run.sh (issue 14's setup).
//
// Serves /page/1 … /page/N on HOSTS loopback addresses (127.0.0.1 … 127.0.0.HOSTS, one port shared by all), each answer
// after LATENCY_MS. Page n lives on host ((n - 1) % HOSTS) + 1. One page in 20 (5%) answers its first FAULT_REPEAT
// requests (any method) with 429 `Retry-After: 1` or 503, alternately, then 200: in the k-th block of 20 consecutive pages
// (k = 0, 1, …) it is the one on host (k % 20) + 1, so every host has its share, and k odd is a 429, k even a 503. Every 200 is
// a small HTML page titled "Water report n: district supply | Host h News" whose text holds the figure n * 7 + 1000.
//
// It also measures the client's politeness: the most requests in flight to one host at once, and the requests that came
// back for a page sooner than the Retry-After its 429 asked for. GET /stats (any host) answers both and the counts as JSON.
// It prints the port once every address listens.
//
//   HOSTS=20 LATENCY_MS=50 FAULT_REPEAT=2 FAULTS=1 node tests/benchmarks/links/server.js
'use strict';
const http = require('http');

const hosts = Number(process.env.HOSTS || 20);
const latency = Number(process.env.LATENCY_MS || 50);
const faultRepeat = Number(process.env.FAULT_REPEAT || 2);
const faults = process.env.FAULTS !== '0';

const served = new Map(); // page -> requests so far
const retryAfterUntil = new Map(); // page -> time before which a request is too early
const inFlight = new Map(); // host -> requests in flight
const stats = { requests: 0, heads: 0, gets: 0, faultsServed: 0, tooEarly: 0, maxInFlightPerHost: 0, maxInFlightHost: '' };

function handler(req, res) {
  const host = req.socket.localAddress;
  if (req.url === '/stats') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  stats.requests++;
  if (req.method === 'HEAD') stats.heads++; else stats.gets++;
  const now = inFlight.get(host) + 1 || 1;
  inFlight.set(host, now);
  if (now > stats.maxInFlightPerHost) {
    stats.maxInFlightPerHost = now;
    stats.maxInFlightHost = host;
  }
  const m = /^\/page\/(\d+)$/.exec(req.url.split('?')[0]);
  const n = m ? Number(m[1]) : 0;
  if (n && retryAfterUntil.has(n) && Date.now() < retryAfterUntil.get(n)) {
    stats.tooEarly++;
  }
  setTimeout(() => {
    inFlight.set(host, inFlight.get(host) - 1);
    if (!m) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>Not found</title></head><body>Not found</body></html>');
      return;
    }
    const count = (served.get(n) || 0) + 1;
    served.set(n, count);
    const block = Math.floor((n - 1) / 20);
    if (faults && (n - 1) % 20 === block % 20 && count <= faultRepeat) {
      stats.faultsServed++;
      if (block % 2 === 1) {
        retryAfterUntil.set(n, Date.now() + 1000 - 5); // 5 ms of slack for timer granularity
        res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'text/plain' });
        res.end('Too many requests');
      } else {
        res.writeHead(503, { 'Content-Type': 'text/plain' });
        res.end('Service unavailable');
      }
      return;
    }
    const h = ((n - 1) % hosts) + 1;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined :
      `<!doctype html><html><head><title>Water report ${n}: district supply | Host ${h} News</title></head>` +
      `<body><h1>Water report ${n}: district supply</h1><p>The ministry counted ${n * 7 + 1000} households without water.</p></body></html>`);
  }, latency);
}

function listen(port, address) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 5000;
    server.once('error', reject);
    server.listen(port, address, () => resolve(server));
  });
}

// 127.0.0.1 picks a free port; the other addresses take the same one (tried again on another port if one is taken).
async function listenAll() {
  for (let tries = 0; tries < 20; tries++) {
    const first = await listen(Number(process.env.PORT || 0), '127.0.0.1');
    const port = first.address().port;
    const servers = [first];
    try {
      for (let h = 2; h <= hosts; h++) servers.push(await listen(port, `127.0.0.${h}`));
      console.log(port);
      return;
    } catch (e) {
      servers.forEach((s) => s.close());
      if (e.code !== 'EADDRINUSE' || process.env.PORT) throw e;
    }
  }
  throw new Error('no port free on every address');
}
listenAll();
