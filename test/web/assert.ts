// The few assertions the web suites use (node:assert is not in a web worker; the npm `assert` shim is not a dependency).
class AssertionError extends Error {}

const show = (v: unknown) => { try { return JSON.stringify(v); } catch { return String(v); } };
const fail = (message: string | undefined, detail: string): never => { throw new AssertionError(message ? `${message} (${detail})` : detail); };

export function ok(v: unknown, message?: string): asserts v { if (!v) fail(message, `expected a truthy value, got ${show(v)}`); }
export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}
export function notEqual<T>(actual: T, expected: T, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}
/** Structural equality of JSON-like values (arrays, plain objects, primitives). */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (show(actual) !== show(expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}
export function match(text: string, re: RegExp, message?: string): void {
  if (!re.test(text)) fail(message, `${show(text.slice(0, 300))} does not match ${re}`);
}
