// Push bodies are gzipped: 500 registrations are ~400 kB of JSON and ~60 kB gzipped, which is
// the difference between seconds and a minute on a village's 3G (performance.md, P5).

export type Gzip = (text: string) => Promise<Uint8Array>;

/** The browser's own gzip (CompressionStream), or null where it is missing (old WebViews). */
export function nativeGzip(): Gzip | null {
  if (typeof CompressionStream !== 'function') return null;
  return async (text) => {
    const source = new Response(text).body;
    if (!source) throw new Error('no body stream');
    const compressed = source.pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(compressed).arrayBuffer());
  };
}
