// The P6 peer: a CouchDB-protocol server from the npm registry (express-pouchdb over PouchDB's
// memory adapter), in its own Node process on loopback. It also serves the built bench pages,
// so that the browser's PouchDB talks to it same-origin (no CORS preflights to flatter or
// penalise it). Prints `POUCH-READY <url>`; answers `{type:'bytes'}` over IPC like ours.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const express = require('express');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'))
  .defaults({ adapter: 'memory' });
const expressPouchDB = require('express-pouchdb');

const pagesDir = process.env.BENCH_PAGES;
const app = express();
if (pagesDir) app.use('/__bench', express.static(pagesDir));
// minimumForPouchDB: the parts replication needs, no Fauxton, config kept in memory.
app.use('/db', expressPouchDB(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));

const live = new Set();
let closedRead = 0;
let closedWritten = 0;
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`POUCH-READY http://127.0.0.1:${port}`);
});
server.on('connection', (socket) => {
  live.add(socket);
  socket.on('close', () => {
    closedRead += socket.bytesRead;
    closedWritten += socket.bytesWritten;
    live.delete(socket);
  });
});
process.on('message', (msg) => {
  if (msg?.type !== 'bytes') return;
  let read = closedRead;
  let written = closedWritten;
  for (const s of live) {
    read += s.bytesRead;
    written += s.bytesWritten;
  }
  process.send?.({ type: 'bytes', read, written });
});
const stop = () => {
  server.close();
  for (const s of live) s.destroy();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
