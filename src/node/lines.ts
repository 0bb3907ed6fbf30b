import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** A text file's lines, read in chunks (files larger than the biggest JavaScript string work). */
export function* linesOfFile(path: string, chunkBytes = 1 << 22): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder();
  const buffer = new Uint8Array(chunkBytes);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, chunkBytes, null);
      if (n === 0) break;
      const parts = (rest + decoder.decode(buffer.subarray(0, n), { stream: true })).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Writes lines to a file one at a time. */
export function writeLines(path: string, lines: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const line of lines) writeSync(fd, `${line}\n`);
  } finally {
    closeSync(fd);
  }
}
