// P6's peer in the browser: pouchdb-browser (IndexedDB adapter) replicating the same records
// to express-pouchdb. Loading the local database is not timed; replication is, to completion.
import PouchDB from 'pouchdb-browser';
import { generateRegistrations } from '../lib/seed';
import type { PouchBench } from './api';

const bench: PouchBench = {
  async load(name, spec) {
    const local = new PouchDB(name);
    let docs: Array<Record<string, unknown>> = [];
    let n = 0;
    for (const reg of generateRegistrations(spec)) {
      docs.push({ _id: reg.id, ...reg });
      if (docs.length === 500) {
        await local.bulkDocs(docs);
        n += docs.length;
        docs = [];
      }
    }
    if (docs.length > 0) {
      await local.bulkDocs(docs);
      n += docs.length;
    }
    return n;
  },

  async replicate(name, remote) {
    const local = new PouchDB(name);
    const t = performance.now();
    // PouchDB's defaults (batch_size 100, batches_limit 10), as an app would ship them.
    const result = await PouchDB.replicate(local, remote);
    return { ms: performance.now() - t, written: result.docs_written };
  },
};

window.benchPouch = bench;
document.title = 'ready';
