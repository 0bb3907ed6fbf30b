/**
 * Virtual repositories: immutable snapshots, git-style diffs between them, and tolerant
 * application of agent-written patches. Pure TypeScript for the worker and for Node.
 */
export { PatchError, VfsError } from './errors';
export type { PatchErrorData, PatchErrorReason } from './errors';
export { Snapshot, createSnapshot } from './snapshot';
export { SNAPSHOT_JSON_VERSION, snapshotFromJSON, snapshotToJSON } from './snapshotJson';
export type { SnapshotJSON } from './snapshotJson';
export { assertValidPath, pathProblem } from './paths';
export { changedFiles, diffFiles, diffSnapshots } from './diff';
export type { DiffOptions } from './diff';
export { parsePatch } from './patchParse';
export type { FilePatch, HunkLine, HunkLineOp, ParseResult, ParsedHunk } from './patchParse';
export { applyPatch } from './patch';
export type { ApplyOptions, ApplyResult } from './patch';
