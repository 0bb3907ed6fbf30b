import { vi } from 'vitest';
import type { RunsListProps } from './RunsList';
import { runSummary } from './testFixtures';

/** Two runs for the runs table's tests: one finished with rewards, one running. */
export const runs = [
  runSummary('a', {
    name: 'alpha',
    tags: ['seed1'],
    finalRewards: { localization: 0.5, bugfix: 0.25 },
    finalStdErr: { localization: { stdErr: 0.0645, tasks: 60 } },
  }),
  runSummary('b', { name: 'beta', status: 'running', backend: null }),
];

/** The runs table's props, every callback a mock. */
export function setupProps(over: Partial<RunsListProps> = {}): RunsListProps {
  return {
    runs,
    selected: [],
    onSelect: vi.fn(),
    onRename: vi.fn(),
    onTag: vi.fn(),
    onDelete: vi.fn(),
    onUndoDelete: vi.fn(),
    onExportBundle: vi.fn(),
    onExportCsv: vi.fn(),
    onImport: vi.fn(),
    ...over,
  };
}
