// Node's `events` for pouchdb-browser in the bench pages: the package expects it to be
// bundled, and it is not installed here. Methods are made enumerable because PouchDB copies
// `Object.keys(EE.prototype)` onto its constructor (as Node's prototype-assigned ones are).
// State lives in a WeakMap, made on first use: PouchDB's createClass() inherits the prototype
// without ever running this constructor, as Node's EventEmitter allows.
type Listener = ((...args: unknown[]) => void) & { listener?: Listener };

const state = new WeakMap<object, { events: Map<string | symbol, Listener[]>; max: number }>();
function of(ee: object): { events: Map<string | symbol, Listener[]>; max: number } {
  let s = state.get(ee);
  if (!s) state.set(ee, (s = { events: new Map(), max: 10 }));
  return s;
}

export default class EventEmitter {
  private get events(): Map<string | symbol, Listener[]> {
    return of(this).events;
  }

  static listenerCount(ee: EventEmitter, type: string | symbol): number {
    return ee.listenerCount(type);
  }

  on(type: string | symbol, fn: Listener): this {
    this.events.set(type, [...(this.events.get(type) ?? []), fn]);
    return this;
  }

  addListener(type: string | symbol, fn: Listener): this {
    return this.on(type, fn);
  }

  prependListener(type: string | symbol, fn: Listener): this {
    this.events.set(type, [fn, ...(this.events.get(type) ?? [])]);
    return this;
  }

  once(type: string | symbol, fn: Listener): this {
    const wrapper: Listener = (...args) => {
      this.removeListener(type, wrapper);
      fn.apply(this, args);
    };
    wrapper.listener = fn;
    return this.on(type, wrapper);
  }

  removeListener(type: string | symbol, fn: Listener): this {
    const list = this.events.get(type);
    if (!list) return this;
    const i = list.findLastIndex((l) => l === fn || l.listener === fn);
    if (i >= 0) {
      const next = list.filter((_, j) => j !== i);
      if (next.length > 0) this.events.set(type, next);
      else this.events.delete(type);
    }
    return this;
  }

  off(type: string | symbol, fn: Listener): this {
    return this.removeListener(type, fn);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) this.events.clear();
    else this.events.delete(type);
    return this;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = this.events.get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error: ${String(args[0])}`);
      return false;
    }
    // A copy: a `once` listener removes itself while the list is being walked.
    for (const fn of list.slice()) fn.apply(this, args);
    return true;
  }

  listeners(type: string | symbol): Listener[] {
    return (this.events.get(type) ?? []).map((l) => l.listener ?? l);
  }

  listenerCount(type: string | symbol): number {
    return this.events.get(type)?.length ?? 0;
  }

  eventNames(): Array<string | symbol> {
    return [...this.events.keys()];
  }

  setMaxListeners(n: number): this {
    of(this).max = n;
    return this;
  }

  getMaxListeners(): number {
    return of(this).max;
  }
}

for (const name of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (name !== 'constructor' && name !== 'events') Object.defineProperty(EventEmitter.prototype, name, { enumerable: true });
}

export { EventEmitter };
