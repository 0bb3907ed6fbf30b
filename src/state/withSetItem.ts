/** `storage` with its writes going through `setItem` (which may write it, or not); the rest as is. */
export function withSetItem(
  storage: Storage,
  setItem: (key: string, value: string) => void,
): Storage {
  return {
    get length() {
      return storage.length;
    },
    clear: () => storage.clear(),
    getItem: (k) => storage.getItem(k),
    key: (i) => storage.key(i),
    removeItem: (k) => storage.removeItem(k),
    setItem,
  };
}
