import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesOfFile, writeLines } from './lines';
import { scratchDir } from './scratchDir';

describe('linesOfFile / writeLines', () => {
  it('round-trips lines across chunk boundaries, multi-byte characters and CRLF', () => {
    const dir = scratchDir('lines');
    const path = join(dir, 'a.jsonl');
    const lines = Array.from({ length: 200 }, (_, i) => `{"i":${i},"s":"${'é→'.repeat(i % 7)}"}`);
    writeLines(path, lines);
    expect(readFileSync(path, 'utf8')).toBe(lines.join('\n') + '\n');
    expect([...linesOfFile(path, 7)]).toEqual(lines);
    writeLines(path, ['a\r', 'b']);
    expect([...linesOfFile(path, 3)]).toEqual(['a', 'b']);
  });
});
