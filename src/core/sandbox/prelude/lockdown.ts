/**
 * Prelude part (JavaScript evaluated inside QuickJS, last, before any test code runs): locks
 * the realm the runner shares with the code under test, so that code cannot forge a verdict.
 * An answer's edit runs in the same realm as the runner and the matchers; without this, one
 * inserted line replacing `JSON.stringify`, `Object.is`, `Array.prototype.filter` or the global
 * `it` turned every failing hidden test into a pass (review 41core, finding 1).
 *
 * Every property the intrinsics and the prelude's globals have now (reached from the global
 * object: constructors, their prototypes, their methods, `expect`, `it`...) becomes non-writable
 * and non-configurable, and so do the global bindings themselves, and nothing can be added to
 * them, except to `Object.prototype` (the corpus's prototype-pollution tasks need that to be
 * observable; the runner keeps its own state off objects that inherit from it where a setter
 * added there could intercept it). The prototypes no global reaches are locked too (iterators',
 * generators', the matchers'). Left assignable, for tests that stub them: Math's functions,
 * Date.now, Date.parse and Date.UTC, console's printing methods (not console.assert, which
 * counts failures); the matchers keep their own Math.abs and Math.pow. Assigning a property an object inherits
 * read-only throws (the "override mistake"), and ordinary code does assign such names on its own
 * objects: any key of a plain object used as a map (query-string's `out[key] = value` with
 * the key `hasOwnProperty`), `this.name` in an Error subclass, `Foo.prototype.toString = ...`.
 * So every method of Object.prototype, and those names elsewhere, become accessors whose setter
 * defines the property on the object assigned to, as before. (Only those: an accessor costs a
 * call on every read, and Array.prototype.push read that way would slow every loop.)
 *
 * The snapshot the runs start from is taken after this (session.ts): it is done once per wasm
 * instance, not per run.
 */
export const PRELUDE_LOCKDOWN = String.raw`
  // roots: objects beyond the globals' reach (the iterator prototypes, the matchers' prototype);
  // open: [object, keys] whose keys stay assignable (null: all), and the object extensible.
  function lockdown(roots, open) {
    const define = Object.defineProperty;
    const describeOwn = Object.getOwnPropertyDescriptor;
    const ownKeys = Reflect.ownKeys;
    const protoOf = Object.getPrototypeOf;
    const closeUp = Object.preventExtensions;
    // Assigned on objects of their own by ordinary code: kept assignable there.
    const SHADOWED = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'name', 'message'];
    const openKeys = new Map(open);
    const seen = new Set();
    const queue = [];
    const visit = (value) => {
      if ((typeof value === 'object' && value !== null) || typeof value === 'function') queue.push(value);
    };
    function shadowable(object, key, value, enumerable) {
      define(object, key, {
        get() { return value; },
        set(next) {
          if (this === object) throw new TypeError('Cannot assign to read only property ' + String(key));
          define(this, key, { value: next, writable: true, enumerable: true, configurable: true });
        },
        enumerable,
        configurable: false,
      });
    }
    for (const key of ownKeys(globalThis)) {
      const own = describeOwn(globalThis, key);
      if ('value' in own) visit(own.value);
      if (own.configurable || own.writable) define(globalThis, key, { writable: false, configurable: false });
    }
    // Reached from no global: the prototypes of iterators, generators and async functions.
    const iterators = [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
      ''[Symbol.iterator](), 'a'.matchAll(/a/g), (function* () {})(), (async function* () {})()];
    for (const it of iterators) visit(protoOf(it));
    visit(protoOf(function* () {}));
    visit(protoOf(async function* () {}));
    visit(protoOf(async function () {}));
    for (const root of roots) visit(root);
    while (queue.length > 0) {
      const object = queue.pop();
      if (seen.has(object) || object === globalThis) continue;
      seen.add(object);
      const left = openKeys.get(object);
      for (const key of ownKeys(object)) {
        const own = describeOwn(object, key);
        const keep = left === null || (left !== undefined && left.includes(key));
        if ('value' in own) {
          visit(own.value);
          if (keep || (!own.configurable && !own.writable)) continue;
          if (own.configurable && own.writable && (object === Object.prototype || (typeof key === 'string' && SHADOWED.includes(key))))
            shadowable(object, key, own.value, own.enumerable);
          else define(object, key, own.configurable ? { writable: false, configurable: false } : { writable: false });
        } else {
          visit(own.get);
          visit(own.set);
          if (!keep && own.configurable) define(object, key, { configurable: false });
        }
      }
      visit(protoOf(object));
      // Nothing can be added either (a Symbol.hasInstance on Error made any two objects equal
      // errors; a toJSON or an index setter on Array.prototype reached the runner's arrays),
      // except to Object.prototype: the corpus's prototype-pollution tasks need that.
      if (object !== Object.prototype && left === undefined) closeUp(object);
    }
  }
`;
