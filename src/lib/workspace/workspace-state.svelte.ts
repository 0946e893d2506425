/**
 * What the interface shows about the workspace, apart from the code that changes it (workspace.svelte.ts): pages
 * that only read it (the overview at start-up) do not load the import pipeline, DuckDB's Arrow or Parquet with it.
 */
import type { ReplayFailure } from './rebuild';
import { EMPTY_WORKSPACE, type Workspace } from './workspace-file';

export const workspaceState = $state<{ workspace: Workspace; failures: ReplayFailure[] }>({
	workspace: structuredClone(EMPTY_WORKSPACE),
	failures: []
});
