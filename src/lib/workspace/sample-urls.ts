/**
 * URLs of the sample district's CSV files. Vite copies them from data/sample into the build and
 * fingerprints them, so the app serves them itself.
 */
const urls = import.meta.glob('/data/sample/*.csv', { query: '?url', import: 'default', eager: true }) as Record<
	string,
	string
>;

export function sampleFileUrl(file: string): string {
	const url = urls[`/data/sample/${file}`];
	if (!url) throw new Error(`The sample file ${file} is not part of this build.`);
	return url;
}
