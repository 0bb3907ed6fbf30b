import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './features/shell/AppShell';
import { TrainPage } from './features/train/TrainPage';
import { EvaluatePage } from './features/evaluate/EvaluatePage';
import { EpisodesPage } from './features/episodes/EpisodesPage';
import { LearnPage } from './features/learn/LearnPage';
import { NotFoundPage } from './features/shell/NotFoundPage';

/** Routes: every page has a deep link that survives a reload. */
export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Navigate to="/train" replace />} />
        <Route path="train" element={<TrainPage />} />
        <Route path="evaluate" element={<EvaluatePage />} />
        <Route path="episodes" element={<EpisodesPage />} />
        <Route path="learn" element={<LearnPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
