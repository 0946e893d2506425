/** Finding an estate (header search, pickers, chart dots) and the engine's start message in plain words. */
export const zh = {
	'search.label': '查找小区',
	'search.placeholder': '名称、编号或拼音首字母',
	'search.count': '{n} 个匹配；上下键选择，回车打开',
	'search.none': '没有匹配的小区',
	'search.loading': '正在载入小区列表…',
	'search.results': '匹配的小区',
	'search.compareLabel': '添加小区',
	'chart.clickHint': '点击圆点可打开该小区；表格视图中的小区名也可打开。',
	'system.removed': '已删除指标“{name}”。',
	'system.undo': '撤销',
	'start.engineTip': '本机计算引擎即 DuckDB（WebAssembly 版）：在浏览器内运行，数据不离开本机。详见方法说明。'
} as const;

export const en: Record<keyof typeof zh, string> = {
	'search.label': 'Find an estate',
	'search.placeholder': 'Name, id or pinyin initials',
	'search.count': '{n} matches; arrow keys to choose, Enter to open',
	'search.none': 'No estate matches',
	'search.loading': 'Loading the estates…',
	'search.results': 'Matching estates',
	'search.compareLabel': 'Add an estate',
	'chart.clickHint': 'Click a dot to open that estate; the names in the table view open it too.',
	'system.removed': 'Removed the indicator “{name}”.',
	'system.undo': 'Undo',
	'start.engineTip': 'The calculation engine is DuckDB (WebAssembly), running inside this browser; your data never leave this computer. See the methods page.'
};
