import { useEffect } from 'react';

/** The app's name, last in every page's title. */
export const APP_TITLE = 'Atomic Skills Lab';

/**
 * Names the page in the browser's tab and history (and for a screen reader, which announces it
 * on navigation): its parts, most specific first, then the app's name.
 */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter((p): p is string => Boolean(p)), APP_TITLE].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
