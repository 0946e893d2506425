/** Settings-shaped plain JSON for the key tests (the key treats settings as opaque JSON). */
export const defaultSettings = {
	catalogueId: 'illustrative-shanghai-style',
	period: null as string | null,
	weights: { management: 10, cleaning: 15, greening: 10, security: 15 } as Record<string, number>,
	bands: { low: 0.9, high: 1.1 }
};
