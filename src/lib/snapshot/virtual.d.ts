/** The build-time snapshots of the sample district, made by scripts/sample-snapshot.mjs (null outside `vite build`). */
declare module 'virtual:zhijia-sample-snapshots' {
	interface BuiltSnapshot {
		/** The key a fresh profile computes for the view (src/lib/snapshot/key.ts). */
		key: string;
		/** The view's results: a hashed JSON file of the build. */
		url: string;
	}
	export const sampleSnapshots: { at: string; overview: BuiltSnapshot; district: BuiltSnapshot } | null;
}
