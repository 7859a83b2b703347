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
// Registration ids (newRecordId) draw fresh random bits per id: see below.

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

/** Variant bits 10, then 62 random bits: `xxxx-xxxxxxxxxxxx`, the first digit in 8-b. */
function randomTail(source: IdSource): string {
  const bytes = new Uint8Array(8);
  source.random(bytes);
  const node = [...bytes].map((b, i) => hex(i === 0 ? 0x80 | (b & 0x3f) : b, 2)).join('');
  return `${node.slice(0, 4)}-${node.slice(4)}`;
}

/**
 * A generator of UUIDv7 strings: strictly increasing, even when the clock steps back. With
 * `perId`, every id draws its own 62 random bits (section 5.7 as usual) instead of sharing the
 * generator's: for ids that live in a namespace other accounts share.
 */
export function createIdGenerator(source: IdSource = defaultSource, options: { perId?: boolean } = {}): () => string {
  const shared = randomTail(source);
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
    const tail = options.perId ? randomTail(source) : shared;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${tail}`;
  };
}

/**
 * This page's generator for op ids. They share their random bits (they compress, P5), which is
 * safe since opIds are per token (contract Revision 2, R2): another account seeing one and
 * guessing the next can take nothing from this phone.
 */
export const newId: () => string = createIdGenerator();

/**
 * Ids of registrations (and anything else one global namespace holds): one id seen must not give
 * away the next, or another account could take an id first and have this phone's create refused
 * (`id-taken`). Each draws its own random bits.
 */
export const newRecordId: () => string = createIdGenerator(defaultSource, { perId: true });
