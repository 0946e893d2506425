/** Start-up snapshots made at build time (the sample district) and controls waiting for the engine. */
export const zh = {
	'snap.badgeComputing': '快照 · 正在计算',
	'snap.buildNote': '随本版本预先计算的示例区结果（{at}），数据和设置与现在相同；引擎就绪后自动更新为实时结果。',
	'snap.engineStarting': '引擎启动中…'
} as const;

export const en: Record<keyof typeof zh, string> = {
	'snap.badgeComputing': 'Snapshot · computing',
	'snap.buildNote': 'Sample district results computed with this version of the app ({at}) for the same data and settings; replaced by live results when the engine is ready.',
	'snap.engineStarting': 'Engine starting…'
};
