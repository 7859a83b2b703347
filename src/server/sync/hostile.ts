// Contract Revision 2, R3: what makes an op hostile, found before anything else reads it.
// The canonical JSON writer, the schemas and the database all trust what passes here: no
// nesting past 16 levels (the writer recurses), no key that could reach an object's prototype,
// no string (keys included) that PostgreSQL or XML refuses (src/shared/fields.ts).
//
// The scan itself never recurses: an explicit stack, bounded by the depth limit, so a body
// nested thousands of levels deep costs one pass over its first 17.
import { hasForbiddenChars, TEXT_CHARS } from '../../shared';

export const MAX_OP_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longer keys are named `*` in a field path: the path is answered and remembered. */
const MAX_NAMED_KEY = 64;

export type HostileProblem = 'too-deep' | 'forbidden-key' | typeof TEXT_CHARS;

interface Frame {
  value: object;
  path: string;
  depth: number;
}

/**
 * The first hostile thing in `op` as `{path: problem}` (the field path as issuesByField names
 * fields, `_` for the op itself), or undefined when there is none. A key holding forbidden
 * characters is not repeated: the path names the object holding it.
 */
export function hostileField(op: Record<string, unknown>): Record<string, HostileProblem> | undefined {
  const stack: Frame[] = [{ value: op, path: '', depth: 1 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value, path, depth } = frame;
    if (depth > MAX_OP_DEPTH) return { [path || '_']: 'too-deep' };
    // Own keys, as JSON.parse makes them (it defines `__proto__` as an ordinary own key).
    for (const key of Object.keys(value)) {
      if (hasForbiddenChars(key)) return { [path || '_']: TEXT_CHARS };
      const name = key.length <= MAX_NAMED_KEY ? key : '*';
      const at = path ? `${path}.${name}` : name;
      if (FORBIDDEN_KEYS.has(key)) return { [at]: 'forbidden-key' };
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'string') {
        if (hasForbiddenChars(child)) return { [at]: TEXT_CHARS };
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, path: at, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
