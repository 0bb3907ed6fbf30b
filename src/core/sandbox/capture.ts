/**
 * Bounded capture of what test code writes: console lines and `__record` values. Test code
 * is untrusted, so every buffer has a cap and a note says what was dropped.
 */

/** Caps on captured output. */
export interface CaptureLimits {
  /** Console lines kept (default 200). */
  maxLines: number;
  /** Characters kept per line (default 500). */
  maxLineChars: number;
  /** Number of record keys kept (default 200). */
  maxRecords: number;
  /** JSON characters kept per record value (default 20,000). */
  maxRecordChars: number;
  /** Characters a record key may have (default 200; a longer one is dropped). */
  maxKeyChars: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  maxLines: 200,
  maxLineChars: 500,
  maxRecords: 200,
  maxRecordChars: 20_000,
  maxKeyChars: 200,
};

export interface Capture {
  /** Appends console output; a text with newlines becomes several lines. */
  log(text: string): void;
  /** Stores a value given as JSON under `key` (the last write wins). */
  record(key: string, json: string): void;
  /** The captured lines, plus a final note when lines were dropped. */
  lines(): string[];
  records(): Record<string, unknown>;
}

/** A fresh capture for one run. */
export function createCapture(limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Capture {
  const lines: string[] = [];
  let dropped = 0;
  const records: Record<string, unknown> = {};
  let recordCount = 0;

  // The sandbox's own notes are short and never truncated; test output is.
  const pushLine = (line: string, truncate = true): void => {
    if (lines.length >= limits.maxLines) {
      dropped++;
      return;
    }
    const long = truncate && line.length > limits.maxLineChars;
    lines.push(long ? `${line.slice(0, limits.maxLineChars)}...` : line);
  };
  const note = (text: string): void => pushLine(`[sandbox] ${text}`, false);

  return {
    log(text) {
      for (const line of text.split('\n')) pushLine(line);
    },
    record(key, json) {
      if (key.length > limits.maxKeyChars) {
        note(
          `record '${key.slice(0, 40)}...' dropped: a key longer than ${limits.maxKeyChars} chars`,
        );
        return;
      }
      const isNew = !Object.prototype.hasOwnProperty.call(records, key);
      if (json.length > limits.maxRecordChars) {
        note(`record '${key}' dropped: larger than ${limits.maxRecordChars} chars`);
        return;
      }
      if (isNew && recordCount >= limits.maxRecords) {
        note(`record '${key}' dropped: more than ${limits.maxRecords} records`);
        return;
      }
      if (isNew) recordCount++;
      // defineProperty: a key such as '__proto__' must become data, not a prototype change.
      Object.defineProperty(records, key, {
        value: JSON.parse(json) as unknown,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    },
    lines() {
      return dropped > 0
        ? [...lines, `[sandbox] ${dropped} more console lines dropped`]
        : [...lines];
    },
    records() {
      return { ...records };
    },
  };
}
