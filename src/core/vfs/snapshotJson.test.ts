import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VfsError } from './errors';
import { createSnapshot } from './snapshot';
import { snapshotFromJSON, snapshotToJSON } from './snapshotJson';

const pathArb = fc
  .array(fc.constantFrom('a', 'b.js', 'src', 'x_1', '.env', 'é'), { minLength: 1, maxLength: 3 })
  .map((names) => names.join('/'));

describe('snapshot JSON', () => {
  it('round-trips through JSON text (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(pathArb, fc.string({ unit: 'binary' }), { maxKeys: 6 }),
        (record) => {
          let snapshot;
          try {
            snapshot = createSnapshot(record);
          } catch (error) {
            // Random names can make a file and a directory of the same name; that must be refused.
            expect(error).toBeInstanceOf(VfsError);
            return;
          }
          const text = JSON.stringify(snapshotToJSON(snapshot));
          const back = snapshotFromJSON(JSON.parse(text));
          expect(back.equals(snapshot)).toBe(true);
          expect(back.id()).toBe(snapshot.id());
          expect(snapshotFromJSON(text).equals(snapshot)).toBe(true);
        },
      ),
    );
  });

  it('writes a versioned object with files in path order', () => {
    const json = snapshotToJSON(createSnapshot({ 'b.js': 'B', 'a.js': 'A' }));
    expect(json).toEqual({ version: 1, files: { 'a.js': 'A', 'b.js': 'B' } });
    expect(Object.keys(json.files)).toEqual(['a.js', 'b.js']);
  });

  it.each([
    [null, '(root)', 'got null'],
    [[], '(root)', 'got an array'],
    [{ files: {} }, 'version', 'must be 1'],
    [{ version: 2, files: {} }, 'version', 'got 2'],
    [{ version: 1 }, 'files', 'got undefined'],
    [{ version: 1, files: [] }, 'files', 'got an array'],
    [{ version: 1, files: { 'a.js': 1 } }, 'files["a.js"]', 'must be a string, got number'],
    [{ version: 1, files: { '/a.js': 'x' } }, 'files["/a.js"]', 'absolute'],
    [{ version: 1, files: { 'a/../b': 'x' } }, 'files["a/../b"]', '".."'],
    ['{"version": 1,', '(text)', 'not valid JSON'],
  ])('rejects %j naming %s', (value, field, detail) => {
    let caught: unknown;
    try {
      snapshotFromJSON(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VfsError);
    const error = caught as VfsError;
    expect(error.subject).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).toContain(detail);
  });
});
