/**
 * Before the browser tests: make sure Chromium and a build exist (fail loudly with how to fix it, never skip),
 * then serve build/ on a free localhost port.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';
import { chromiumPath } from './chromium';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const chromium = chromiumPath();
	if (!chromium) {
		throw new Error(
			'Browser tests need Chromium and it was not found.\n' +
				'Install it with:  sudo apt-get install -y chromium fonts-wqy-microhei\n' +
				'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		);
	}
	if (!existsSync('build/index.html')) {
		throw new Error('Browser tests drive the built app and build/index.html is missing. Run `npm run build` first.');
	}
	const server = await serve({ dir: 'build', port: 0 });
	project.provide('baseUrl', server.url);
	return async () => {
		await server.close();
	};
}
