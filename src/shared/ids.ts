// Ids made on a phone (op ids, registration ids) are UUIDv7 (RFC 9562, section 5.7), not v4.
// Why: a push carries one op id per record, and 500 random v4 ids are 500 incompressible strings
// (about a fifth of a gzipped push of registrations). Ids from one generator share their
// `rand_b` and their timestamp's high digits, so gzip finds them again a few bytes at a time.
// They are still unique everywhere (see below) and sort by creation time, as IndexedDB keys too.
//
// Layout: 48-bit Unix time in milliseconds | version 7 | 12-bit counter (rand_a, RFC 9562
// section 6.2 method 1: monotonic within a millisecond) | variant 10 | 62 bits drawn once per
// generator (rand_b as a node id, section 6.4). Two generators collide only if they draw the
// same 62 random bits and issue the same millisecond and counter: a page load draws its own.

export interface IdSource {
  /** Milliseconds since the epoch (Date.now). */
  now(): number;
  /** Fills the array with cryptographically random bytes (crypto.getRandomValues). */
  random(bytes: Uint8Array): void;
}

// Web Crypto, in browsers and in Node alike; src/shared is typed without the DOM's or Node's globals.
type WebCrypto = { getRandomValues(bytes: Uint8Array): Uint8Array };

const defaultSource: IdSource = {
  now: () => Date.now(),
  random: (bytes) => {
    const webCrypto = (globalThis as { crypto?: WebCrypto }).crypto;
    if (!webCrypto) throw new Error('Web Crypto (crypto.getRandomValues) is missing');
    webCrypto.getRandomValues(bytes);
  },
};

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A generator of UUIDv7 strings: strictly increasing, even when the clock steps back. */
export function createIdGenerator(source: IdSource = defaultSource): () => string {
  const bytes = new Uint8Array(8);
  source.random(bytes);
  // Variant bits 10, then 62 random bits: 16 hex digits, the first in 8-b.
  const node = [...bytes].map((b, i) => hex(i === 0 ? 0x80 | (b & 0x3f) : b, 2)).join('');
  const tail = `${node.slice(0, 4)}-${node.slice(4)}`;
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = Math.max(source.now(), lastMs);
    if (ms === lastMs) {
      counter += 1;
      // 4,096 ids in one millisecond: borrow the next one rather than repeat.
      if (counter > 0xfff) {
        ms += 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMs = ms;
    const time = hex(ms, 12);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${tail}`;
  };
}

/** This page's generator. */
export const newId: () => string = createIdGenerator();
