/**
 * Default design lives and unit renewal costs of shared facilities (docs/sources.md §11), each with its source and
 * reliability tag. A facility row's own life_years or unit_replacement_cost_yuan always wins over these.
 *
 * Few of these figures are published: lifts have an assessment trigger and a replacement price seen in public
 * sources, roofs a design-life rule and a contractor's price; for the rest only recollections [M] or this app's
 * estimates [E] exist, and the app shows the tag wherever such a figure is used.
 */
import type { FacilityKind } from '../../data/facilities';
import type { Provenance } from '../provenance';

/** A default figure with where it comes from. */
export interface SourcedFigure {
	value: number;
	provenance: Provenance;
}

/** The defaults of one facility kind; `null` where no default is offered (the user must give the figure). */
export interface FacilityDefaults {
	life: SourcedFigure | null;
	unitCost: SourcedFigure | null;
}

const LIFT_LIFE: SourcedFigure = {
	value: 20,
	provenance: {
		tag: 'E',
		source: 'This app’s estimate (method notes §11). Special Equipment Safety Law (2013) art. 48: past its design life a lift needs an inspection or safety assessment [V]; many cities trigger an assessment at 15 years [V]; GB/T 31821-2015 sets no whole-lift life [V]',
		source_zh: '本应用估计（《质价方法与来源说明》§11）。《特种设备安全法》（2013）第48条：超过设计使用年限须经检验或安全评估方可继续使用〔V〕；多地住宅电梯使用满15年启动安全评估〔V〕；GB/T 31821-2015 只规定部件报废条件，不规定整梯寿命〔V〕',
		note: 'Renewal planned 20 years after installation; the district page also flags lifts of 15 years or more for assessment.',
		note_zh: '按安装后20年更新测算；区级页面另将使用满15年的电梯列为应评估。'
	}
};

/** The defaults by facility kind (method notes §11). */
export const FACILITY_DEFAULTS: Readonly<Record<FacilityKind, FacilityDefaults>> = {
	elevator_midrise: {
		life: LIFT_LIFE,
		unitCost: {
			value: 400_000,
			provenance: {
				tag: 'V',
				source: 'Shanghai average full replacement cost about 400,000 yuan per lift (2015 report, secondary source); method notes §11',
				source_zh: '上海电梯整梯更新平均约40万元/台（2015年报道，转引）；《质价方法与来源说明》§11',
				note: 'A 2015 figure at 2015 prices; check current quotes.',
				note_zh: '为2015年价格，请以现行报价核对。'
			}
		}
	},
	elevator_highrise: {
		life: LIFT_LIFE,
		unitCost: {
			value: 600_000,
			provenance: {
				tag: 'E',
				source: 'This app’s estimate: the top of the typical 300,000-600,000 yuan per lift, for faster lifts serving over 18 floors; method notes §11',
				source_zh: '本应用估计：取常见30万至60万元/台的上端，适用于18层以上的较高速电梯；《质价方法与来源说明》§11'
			}
		}
	},
	elevator_added: {
		life: LIFT_LIFE,
		unitCost: {
			value: 300_000,
			provenance: {
				tag: 'E',
				source: 'This app’s estimate: the bottom of the typical 300,000-600,000 yuan per lift, for the small lifts added to multi-storey blocks (shaft and structure stay); method notes §11',
				source_zh: '本应用估计：取常见30万至60万元/台的下端，适用于多层住宅加装的小型电梯（井道结构保留）；《质价方法与来源说明》§11'
			}
		}
	},
	fire_alarm: {
		life: {
			value: 12,
			provenance: {
				tag: 'M',
				source: 'Recollection: fire alarm hosts last 10-15 years; no published design life found; method notes §11',
				source_zh: '通行说法：火灾报警主机使用10至15年；未找到公开的设计使用年限；《质价方法与来源说明》§11'
			}
		},
		unitCost: {
			value: 80_000,
			provenance: { tag: 'E', source: 'This app’s estimate per estate system (host, detectors, wiring); method notes §11', source_zh: '本应用估计，每套（主机、探测器、线路）；《质价方法与来源说明》§11' }
		}
	},
	fire_water: {
		life: {
			value: 20,
			provenance: { tag: 'E', source: 'This app’s estimate (fire pumps, valves and pipes); no published design life found; method notes §11', source_zh: '本应用估计（消防水泵、阀门、管道）；未找到公开的设计使用年限；《质价方法与来源说明》§11' }
		},
		unitCost: {
			value: 150_000,
			provenance: { tag: 'E', source: 'This app’s estimate per estate system; method notes §11', source_zh: '本应用估计，每套；《质价方法与来源说明》§11' }
		}
	},
	water_pump: {
		life: {
			value: 12,
			provenance: {
				tag: 'M',
				source: 'Recollection: pumps last 10-15 years; no published design life found; method notes §11',
				source_zh: '通行说法：水泵使用10至15年；未找到公开的设计使用年限；《质价方法与来源说明》§11'
			}
		},
		unitCost: {
			value: 60_000,
			provenance: { tag: 'E', source: 'This app’s estimate per variable-speed pump set with controls; method notes §11', source_zh: '本应用估计，每套变频水泵机组（含控制柜）；《质价方法与来源说明》§11' }
		}
	},
	water_tank: {
		life: {
			value: 20,
			provenance: { tag: 'E', source: 'This app’s estimate for stainless-steel tanks; no published design life found; method notes §11', source_zh: '本应用估计（不锈钢水箱）；未找到公开的设计使用年限；《质价方法与来源说明》§11' }
		},
		unitCost: {
			value: 50_000,
			provenance: { tag: 'E', source: 'This app’s estimate per tank; method notes §11', source_zh: '本应用估计，每座；《质价方法与来源说明》§11' }
		}
	},
	roof_waterproofing: {
		life: {
			value: 20,
			provenance: {
				tag: 'M',
				source: 'GB 55030-2022: roof waterproofing designed for at least 20 years (not re-checked against the text); the old GB 50345-2004 graded 25/15/10/5 years; method notes §11',
				source_zh: 'GB 55030-2022：屋面防水设计工作年限不低于20年（未核对原文）；旧 GB 50345-2004 按25/15/10/5年分级；《质价方法与来源说明》§11'
			}
		},
		unitCost: {
			value: 115,
			provenance: {
				tag: 'V-calc',
				source: 'Midpoint of 80-150 yuan/m² for full renewal with SBS membrane (a contractor’s figure); method notes §11',
				source_zh: 'SBS改性沥青卷材整体翻新80至150元/㎡（施工企业报价）的中值；《质价方法与来源说明》§11',
				note: 'A vendor’s range, not an official price.',
				note_zh: '为企业报价区间，非官方价格。'
			}
		}
	},
	exterior_wall: {
		life: {
			value: 15,
			provenance: { tag: 'E', source: 'This app’s estimate for repainting and repairing render or tiles; no published design life found; method notes §11', source_zh: '本应用估计（外墙涂料翻新及面砖、抹灰修补）；未找到公开的设计使用年限；《质价方法与来源说明》§11' }
		},
		unitCost: {
			value: 120,
			provenance: { tag: 'E', source: 'This app’s estimate per m² of wall, scaffolding included; method notes §11', source_zh: '本应用估计，每平方米墙面（含脚手架）；《质价方法与来源说明》§11' }
		}
	},
	access_control: {
		life: {
			value: 8,
			provenance: {
				tag: 'M',
				source: 'Recollection: access control lasts 5-8 years; no published design life found; method notes §11',
				source_zh: '通行说法：门禁系统使用5至8年；未找到公开的设计使用年限；《质价方法与来源说明》§11'
			}
		},
		unitCost: {
			value: 12_000,
			provenance: { tag: 'E', source: 'This app’s estimate per entrance door (door, lock, intercom panel, share of the head end); method notes §11', source_zh: '本应用估计，每个单元门（门体、门锁、对讲主机及管理平台分摊）；《质价方法与来源说明》§11' }
		}
	},
	drains: {
		life: {
			value: 30,
			provenance: { tag: 'E', source: 'This app’s estimate for outdoor drain pipes and manholes; no published design life found; method notes §11', source_zh: '本应用估计（室外排水管道及检查井）；未找到公开的设计使用年限；《质价方法与来源说明》§11' }
		},
		unitCost: {
			value: 800,
			provenance: { tag: 'E', source: 'This app’s estimate per metre relaid, digging and reinstatement included; method notes §11', source_zh: '本应用估计，每米重新敷设（含开挖和路面恢复）；《质价方法与来源说明》§11' }
		}
	},
	other: { life: null, unitCost: null }
};

/** Lifts of this age or more should have had a safety assessment (many cities, domain facts in method notes §11) [V]. */
export const LIFT_ASSESSMENT_AGE: SourcedFigure = {
	value: 15,
	provenance: {
		tag: 'V',
		source: 'Many cities trigger a safety assessment of residential lifts at 15 years (Chongqing mandatory; Hangzhou, Ningbo, Wenzhou optional); method notes §11',
		source_zh: '多地住宅电梯使用满15年启动安全评估（重庆为强制，杭州、宁波、温州等为自愿）；《质价方法与来源说明》§11'
	}
};

/** Plan settings the app starts with, and where they come from. */
export const RESERVE_SETTING_DEFAULTS = {
	years: 20,
	interestRate: {
		value: 0.015,
		provenance: {
			tag: 'E',
			source: 'This app’s assumption: funds are held as bank deposits; 1.5 % a year is near one-year deposit rates of 2024-2025 [M]; method notes §11',
			source_zh: '本应用假设：资金以银行存款形式存放，年利率1.5%接近2024至2025年一年期定期存款利率〔M〕；《质价方法与来源说明》§11'
		}
	} as SourcedFigure,
	growthRate: {
		value: 0,
		provenance: {
			tag: 'E',
			source: 'This app’s default: costs at today’s prices (no growth); set a rate to grow them each year; method notes §11',
			source_zh: '本应用默认：按现价测算（不计涨价）；可设年增长率；《质价方法与来源说明》§11'
		}
	} as SourcedFigure
} as const;
