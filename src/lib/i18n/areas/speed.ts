/** Start-up snapshots (results shown from the last visit while the engine starts) and offline use. */
export const zh = {
	'snapshot.badge': '快照 · 引擎启动中',
	'snapshot.note': '上次计算的结果（{at}），数据和设置与现在相同；引擎就绪后自动更新为实时结果。',
	'snapshot.engineNeeded': '引擎启动中，此操作稍后可用'
} as const;

export const en: Record<keyof typeof zh, string> = {
	'snapshot.badge': 'Snapshot · engine starting',
	'snapshot.note': 'Results computed last time ({at}) for the same data and settings; replaced by live results when the engine is ready.',
	'snapshot.engineNeeded': 'The engine is starting; this will be available in a moment'
};
