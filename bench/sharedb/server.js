// ShareDB server for the side-by-side benchmark (see bench/README.md).
// One WebSocket per client at ws://127.0.0.1:PORT/, ShareDB's own JSON wire protocol, documents of
// the plain-text OT type text-unicode in collection "pads", cursors as channel presence
// ("cursor:<padId>", relayed untransformed).
// Persistence: with REDIS_URL set, every op is written to Redis (op log + snapshot, one atomic
// script, keyed by version) before ShareDB acknowledges it, like sharedb-mongo/-postgres write the
// op and the snapshot on every commit; without it ShareDB's MemoryDB alone (nothing durable).
'use strict';
const http = require('http');
const { Duplex } = require('stream');
const WebSocket = require('ws');
const ShareDB = require('sharedb');
const textUnicode = require('ot-text-unicode');

ShareDB.types.register(textUnicode.type);

const PORT = Number(process.env.PORT || 9200);
const REDIS_URL = process.env.REDIS_URL || '';

const COMMIT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
return 1`;

class RedisBackedDB extends ShareDB.MemoryDB {
  constructor(redis) {
    super();
    this.redis = redis;
  }

  commit(collection, id, op, snapshot, options, callback) {
    if (snapshot.v !== this._getVersionSync(collection, id) + 1) return process.nextTick(callback, null, false);
    const key = collection + ':' + id;
    this.redis.eval(COMMIT, {
      keys: ['sharedb:ops:' + key, 'sharedb:snapshot:' + key],
      arguments: [String(op.v), JSON.stringify(op), JSON.stringify(snapshot)],
    }).then((written) => {
      if (written !== 1) return callback(null, false); // another submit took this version: ShareDB retries
      super.commit(collection, id, op, snapshot, options, callback);
    }, callback);
  }
}

// ws socket -> ShareDB object stream (what @teamwork/websocket-json-stream does).
function streamOf(ws) {
  const stream = new Duplex({ objectMode: true });
  stream._read = () => {};
  stream._write = (message, encoding, next) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    next();
  };
  ws.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      ws.close(1003, 'bad json');
      return;
    }
    stream.push(message);
  });
  ws.on('close', () => {
    stream.push(null);
    stream.emit('close');
    stream.emit('end');
    stream.end();
  });
  stream.on('error', () => ws.terminate());
  stream.on('end', () => ws.close());
  return stream;
}

async function main() {
  let db;
  if (REDIS_URL) {
    const { createClient } = require('redis');
    const redis = createClient({ url: REDIS_URL });
    redis.on('error', (e) => console.error('redis error', e.message));
    await redis.connect();
    db = new RedisBackedDB(redis);
  } else {
    db = new ShareDB.MemoryDB();
  }
  const backend = new ShareDB({ db, presence: true, doNotForwardSendPresenceErrorsToClient: true });
  const server = http.createServer((req, res) => {
    if (req.url === '/health' || req.url === '/health?gc=1') {
      if (req.url.endsWith('gc=1') && global.gc) global.gc();
      const m = process.memoryUsage();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', heapUsed: m.heapUsed, rss: m.rss, cpu: process.cpuUsage() }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const wss = new WebSocket.Server({ server, perMessageDeflate: false });
  wss.on('connection', (ws) => backend.listen(streamOf(ws)));
  server.listen(PORT, '127.0.0.1', () => console.log(`sharedb listening on ${PORT} (${REDIS_URL ? 'redis ' + REDIS_URL : 'memory'})`));
  const stop = () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 2000).unref();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
