// A Vite plugin that runs once the static adapter has written build/: SvelteKit's build runs nested builds, and
// only the one after the adapter finds an index.html newer than the build's start.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * @param {string} name the plugin's name
 * @param {string} dir the adapter's output directory
 * @param {(index: string) => Promise<void>} handler gets the path of the fresh build's index.html
 * @returns {import('vite').Plugin}
 */
export function afterAdapterPlugin(name, dir, handler) {
	let started = 0;
	return {
		name,
		apply: 'build',
		buildStart() {
			started ||= Date.now();
		},
		closeBundle: {
			order: 'post',
			sequential: true,
			async handler() {
				const index = join(resolve(dir), 'index.html');
				if (!existsSync(index) || (await stat(index)).mtimeMs < started) return;
				await handler(index);
			}
		}
	};
}
