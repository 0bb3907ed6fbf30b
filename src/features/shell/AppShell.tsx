import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { startCompute } from '../../bridge/compute';
import { PageBoundary } from '../../components/PageBoundary';
import { loadRuns } from '../../bridge/loadRuns';
import { followOtherTabs } from '../../bridge/otherTabs';
import { appStore } from '../../state/appStore';
import { followLearnAcrossTabs } from '../../state/learnAcrossTabs';
import { SettingsPanel } from '../settings/SettingsPanel';
import { Header } from './Header';
import { StatusBar } from './StatusBar';
import { useThemeAttribute } from './useThemeAttribute';

/** Header, the current page, the settings panel and the status bar. */
export function AppShell() {
  const { search, pathname } = useLocation();
  useThemeAttribute();
  useEffect(() => {
    void startCompute(appStore, search);
    // Runs a closed or reloaded tab left "running" are marked interrupted, ready to resume.
    void loadRuns(appStore, { afterReload: true });
    // Started once per visit: later preference changes restart it from the settings panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Runs other tabs of this browser train, delete or import show here as they change.
  useEffect(() => followOtherTabs(appStore), []);
  // So do the Learn page's answers: a save here would otherwise erase those made there.
  useEffect(() => followLearnAcrossTabs(appStore), []);
  // Back or a link to another page closes Settings rather than leaving it over that page.
  useEffect(() => appStore.getState().uiActions.setSettingsOpen(false), [pathname]);
  return (
    <div className="shell">
      <Header />
      <main className="page" data-testid="page">
        <PageBoundary key={pathname}>
          <Outlet />
        </PageBoundary>
      </main>
      <SettingsPanel />
      <StatusBar />
    </div>
  );
}
