// Contract Revision 2, R3: what makes an op hostile, found before anything else reads it.
// The canonical JSON writer, the schemas and the database all trust what passes here: no
// nesting past 16 levels (the writer recurses), no key that could reach an object's prototype,
// no string (keys included) that PostgreSQL or XML refuses (src/shared/fields.ts).
//
// The scan itself never recurses: an explicit stack, bounded by the depth limit, so a body
// nested thousands of levels deep costs one pass over its first 17. It runs on every op of
// every push, so a field's path is only spelled out for the op it rejects.
import { hasForbiddenChars, TEXT_CHARS } from '../../shared';

export const MAX_OP_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longer keys are named `*` in a field path: the path is answered and remembered. */
const MAX_NAMED_KEY = 64;

export type HostileProblem = 'too-deep' | 'forbidden-key' | typeof TEXT_CHARS;

interface Frame {
  value: object;
  depth: number;
  /** How the value was reached: its parent frame and its key there (none for the op). */
  parent: Frame | undefined;
  key: string;
}

/** The field path as issuesByField names fields (`registration.heir.name`), `_` for the op. */
function pathOf(frame: Frame | undefined, key?: string): string {
  const names: string[] = key === undefined ? [] : [key];
  for (let f = frame; f?.parent !== undefined; f = f.parent) names.push(f.key);
  names.reverse();
  return names.map((name) => (name.length <= MAX_NAMED_KEY ? name : '*')).join('.') || '_';
}

/**
 * The first hostile thing in `op` as `{path: problem}`, or undefined when there is none. A key
 * holding forbidden characters is not repeated: the path names the object holding it.
 */
export function hostileField(op: Record<string, unknown>): Record<string, HostileProblem> | undefined {
  const stack: Frame[] = [{ value: op, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.depth > MAX_OP_DEPTH) return { [pathOf(frame)]: 'too-deep' };
    const value = frame.value as Record<string, unknown>;
    // Own keys, as JSON.parse makes them (it defines `__proto__` as an ordinary own key).
    for (const key of Object.keys(value)) {
      if (hasForbiddenChars(key)) return { [pathOf(frame)]: TEXT_CHARS };
      if (FORBIDDEN_KEYS.has(key)) return { [pathOf(frame, key)]: 'forbidden-key' };
      const child = value[key];
      if (typeof child === 'string') {
        if (hasForbiddenChars(child)) return { [pathOf(frame, key)]: TEXT_CHARS };
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return undefined;
}
