import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one CHROMIUM_PATH names; null if neither exists. */
export function chromiumPath(): string | null {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
		(p): p is string => !!p
	);
	return candidates.find((p) => existsSync(p)) ?? null;
}
