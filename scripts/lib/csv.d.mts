// Types for csv.mjs, so TypeScript callers (its tests) need no casts.
export function parseCsv(text: string): string[][];
export function readColumns(text: string, columns: readonly string[]): string[][];
