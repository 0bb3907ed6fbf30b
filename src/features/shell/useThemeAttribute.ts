import { useEffect } from 'react';
import { useUi } from '../../state/hooks';

const query = '(prefers-color-scheme: dark)';

/** Sets `data-theme` on <html> from the setting, following the system when it says so. */
export function useThemeAttribute(): void {
  const { theme } = useUi();
  useEffect(() => {
    const media = window.matchMedia(query);
    const apply = (): void => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
