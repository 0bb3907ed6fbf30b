import { NavLink } from 'react-router-dom';
import { useUiActions } from '../../state/hooks';

const PAGES = [
  { to: '/train', label: 'Train' },
  { to: '/evaluate', label: 'Evaluate' },
  { to: '/episodes', label: 'Episodes' },
  { to: '/learn', label: 'Learn' },
] as const;

export function Header() {
  const { setSettingsOpen } = useUiActions();
  return (
    <header className="header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>Atomic Skills Lab</span>
      </div>
      <nav aria-label="Pages" className="nav">
        {PAGES.map((p) => (
          // `end`: a path under a page's (`/train/x`) is no page, and marks none current.
          <NavLink
            key={p.to}
            to={p.to}
            end
            className={({ isActive }) => (isActive ? 'active' : '')}
          >
            {p.label}
          </NavLink>
        ))}
      </nav>
      <button
        type="button"
        className="icon-button"
        data-testid="open-settings"
        aria-label="Settings"
        aria-haspopup="dialog"
        onClick={() => setSettingsOpen(true)}
      >
        ⚙ Settings
      </button>
    </header>
  );
}
