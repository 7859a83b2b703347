// The little of pouchdb-browser the P6 page uses (the package ships no types).
declare module 'pouchdb-browser' {
  interface ReplicateResult {
    ok: boolean;
    docs_written: number;
  }
  export default class PouchDB {
    constructor(name: string);
    bulkDocs(docs: Array<Record<string, unknown>>): Promise<unknown[]>;
    destroy(): Promise<void>;
    static replicate(source: PouchDB | string, target: PouchDB | string, options?: Record<string, unknown>): Promise<ReplicateResult>;
  }
}
