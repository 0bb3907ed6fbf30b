/** Saves text or a blob as a file through a temporary link (no network: a blob URL). */
export function download(name: string, content: string | Blob, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A name safe to use as a file name on every OS. */
export const fileSafe = (s: string): string => s.replace(/[^\w.-]+/g, '_');
