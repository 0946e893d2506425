/**
 * Staffing calculator: posts, headcounts and wages to the annual staff cost (人员费用, cost item 1:
 * wages, social insurance, housing fund, welfare). Staff the firm employs directly belong in 'staff';
 * an outsourced service (e.g. a security contractor) belongs in its own item (order, cleaning, greening)
 * at the contract price, so it is not counted twice.
 */
import { userProvenance, type Bilingual, type Provenance } from '../provenance';
import type { BuildingType } from '../vocabulary';
import { DEFAULT_SOCIAL_INSURANCE_RATE } from './defaults';
import { UNITS, figure, num, pct, yuan, type Explanation } from './explain';

/** The posts of the default templates; a user may add posts with any other code. */
export const STAFF_POSTS = ['manager', 'security', 'cleaning', 'greening', 'repair'] as const;
/** A post code of the default templates. */
export type StaffPostCode = (typeof STAFF_POSTS)[number];

/** Display names of the template posts. */
export const STAFF_POST_LABELS: Readonly<Record<StaffPostCode, Bilingual>> = {
	manager: { zh: '管理及客服人员', en: 'Manager and customer service' },
	security: { zh: '秩序维护员', en: 'Security / order' },
	cleaning: { zh: '保洁员', en: 'Cleaning' },
	greening: { zh: '绿化工', en: 'Greening' },
	repair: { zh: '工程维修人员', en: 'Repair and maintenance' }
};

/** One post of a staffing plan. */
export interface StaffPost {
	/** A code from STAFF_POSTS or the user's own. */
	post: string;
	/** Display name; defaults to the template label for a known code, else the code. */
	label?: Bilingual;
	/** Persons; fractions allowed for staff shared with other estates. */
	headcount: number;
	/** Gross monthly wage per person, yuan. */
	monthlyWage: number;
	/** Employer social insurance + housing fund as a share of wages; default 33% [E]. */
	socialInsuranceRate?: number;
}

/** One post's annual cost. */
export interface StaffPostLine {
	post: string;
	label: Bilingual;
	headcount: number;
	monthlyWage: number;
	socialInsuranceRate: number;
	socialInsuranceProvenance: Provenance;
	/** headcount × wage × 12. */
	annualWages: number;
	/** annualWages × rate. */
	annualSocialInsurance: number;
	/** annualWages + annualSocialInsurance. */
	annualCost: number;
	explanation: Explanation;
}

/** A staffing plan's annual cost. */
export interface StaffingResult {
	posts: StaffPostLine[];
	headcount: number;
	annualWages: number;
	annualSocialInsurance: number;
	/** Annual staff cost, yuan/year: Σ headcount × wage × 12 × (1 + rate). Goes into cost item 'staff'. */
	annualCost: number;
	explanation: Explanation;
}

function postLabel(post: StaffPost): Bilingual {
	if (post.label) return post.label;
	return (STAFF_POST_LABELS as Record<string, Bilingual>)[post.post] ?? { zh: post.post, en: post.post };
}

/**
 * Annual staff cost = Σ headcount × monthly wage × 12 × (1 + social-insurance rate).
 * E.g. 4 guards at 4,000 and 2 cleaners at 3,000, both at 30%: 4 × 4,000 × 12 × 1.3 = 249,600 plus
 * 2 × 3,000 × 12 × 1.3 = 93,600, total 343,200 yuan/year.
 * @throws RangeError on a negative or non-finite headcount, wage or rate.
 */
export function staffCost(posts: readonly StaffPost[]): StaffingResult {
	const lines: StaffPostLine[] = posts.map((p) => {
		for (const [name, v] of [
			['headcount', p.headcount],
			['monthly wage', p.monthlyWage],
			['social insurance rate', p.socialInsuranceRate ?? 0]
		] as const) {
			if (!Number.isFinite(v) || v < 0) throw new RangeError(`post '${p.post}': ${name} must be a finite number ≥ 0, got ${v}`);
		}
		const rate = p.socialInsuranceRate ?? DEFAULT_SOCIAL_INSURANCE_RATE.value;
		const provenance = p.socialInsuranceRate === undefined ? DEFAULT_SOCIAL_INSURANCE_RATE.provenance : userProvenance();
		const annualWages = p.headcount * p.monthlyWage * 12;
		const annualSocialInsurance = annualWages * rate;
		const annualCost = annualWages + annualSocialInsurance;
		const label = postLabel(p);
		return {
			post: p.post,
			label,
			headcount: p.headcount,
			monthlyWage: p.monthlyWage,
			socialInsuranceRate: rate,
			socialInsuranceProvenance: provenance,
			annualWages,
			annualSocialInsurance,
			annualCost,
			explanation: {
				formula: { zh: '岗位年成本 = 人数 × 月工资 × 12 × (1 + 社保公积金比例)', en: 'post cost = headcount × monthly wage × 12 × (1 + social insurance rate)' },
				inputs: [
					figure({ zh: '人数', en: 'Headcount' }, p.headcount, UNITS.persons),
					figure({ zh: '月工资', en: 'Monthly wage' }, p.monthlyWage, UNITS.yuanPerMonth),
					figure(DEFAULT_SOCIAL_INSURANCE_RATE.label, rate, UNITS.share, provenance)
				],
				text: {
					zh: `${label.zh}：${num(p.headcount)} × ${yuan(p.monthlyWage)} × 12 × (1 + ${pct(rate)}) = ${yuan(annualCost)} 元/年`,
					en: `${label.en}: ${num(p.headcount)} × ${yuan(p.monthlyWage)} × 12 × (1 + ${pct(rate)}) = ${yuan(annualCost)} yuan/year`
				}
			}
		};
	});
	const sum = (f: (l: StaffPostLine) => number) => lines.reduce((s, l) => s + f(l), 0);
	const annualCost = sum((l) => l.annualCost);
	return {
		posts: lines,
		headcount: sum((l) => l.headcount),
		annualWages: sum((l) => l.annualWages),
		annualSocialInsurance: sum((l) => l.annualSocialInsurance),
		annualCost,
		explanation: {
			formula: { zh: '人员费用 = Σ 人数 × 月工资 × 12 × (1 + 社保公积金比例)', en: 'staff cost = Σ headcount × monthly wage × 12 × (1 + social insurance rate)' },
			inputs: lines.map((l) => figure(l.label, l.annualCost, UNITS.yuanPerYear)),
			text: {
				zh: `${lines.map((l) => yuan(l.annualCost)).join(' + ') || '0'} = ${yuan(annualCost)} 元/年`,
				en: `${lines.map((l) => yuan(l.annualCost)).join(' + ') || '0'} = ${yuan(annualCost)} yuan/year`
			}
		}
	};
}

/** A default staffing plan for a reference estate of one building type. */
export interface StaffingTemplate {
	buildingType: BuildingType;
	/** Chargeable area the headcounts are for, m². */
	referenceAreaM2: number;
	posts: readonly StaffPost[];
	provenance: Provenance;
}

const TEMPLATE_SOURCE =
	'This app (Method notes §3): a plausible plan for a 100,000 m² estate (about 1,100 homes) in a large city; wages near market pay for these posts, above the local minimum wage. Not from a published standard.';
const TEMPLATE_SOURCE_ZH =
	'本应用估计（《质价方法与来源说明》§3）：大城市 10 万 ㎡（约 1,100 户）小区的常见人员配置；工资接近这些岗位的市场水平，高于当地最低工资。并非出自公开标准。';

/**
 * Default staffing templates [E] for a 100,000 m² estate. High-rise: 2 manager/customer service at
 * 6,000, 10 security at 4,000 (gates round the clock plus patrols), 6 cleaning at 3,200 (lobbies and
 * lifts), 2 greening at 3,500, 3 repair at 5,000 (pumps, lift liaison): 23 persons, about 1.24 元/㎡·月
 * at 33% social insurance. Multi-storey: 1 / 6 / 5 / 2 / 2 at 5,500 / 3,800 / 3,000 / 3,300 / 4,500:
 * 16 persons, about 0.78 元/㎡·月. Replace with the firm's own plan.
 */
export const STAFFING_TEMPLATES: Readonly<Record<BuildingType, StaffingTemplate>> = {
	high: {
		buildingType: 'high',
		referenceAreaM2: 100_000,
		posts: [
			{ post: 'manager', headcount: 2, monthlyWage: 6000 },
			{ post: 'security', headcount: 10, monthlyWage: 4000 },
			{ post: 'cleaning', headcount: 6, monthlyWage: 3200 },
			{ post: 'greening', headcount: 2, monthlyWage: 3500 },
			{ post: 'repair', headcount: 3, monthlyWage: 5000 }
		],
		provenance: { tag: 'E', source: TEMPLATE_SOURCE, source_zh: TEMPLATE_SOURCE_ZH }
	},
	multi: {
		buildingType: 'multi',
		referenceAreaM2: 100_000,
		posts: [
			{ post: 'manager', headcount: 1, monthlyWage: 5500 },
			{ post: 'security', headcount: 6, monthlyWage: 3800 },
			{ post: 'cleaning', headcount: 5, monthlyWage: 3000 },
			{ post: 'greening', headcount: 2, monthlyWage: 3300 },
			{ post: 'repair', headcount: 2, monthlyWage: 4500 }
		],
		provenance: { tag: 'E', source: TEMPLATE_SOURCE, source_zh: TEMPLATE_SOURCE_ZH }
	}
};

/**
 * A template's posts scaled to an estate's chargeable area: headcount × area ÷ reference area, rounded
 * to whole persons and at least 1 per post (a post needs someone; staff shared between estates can be
 * entered by hand as fractions). Wages and rates are kept.
 * @throws RangeError if the area is not > 0.
 */
export function scaleStaffingTemplate(template: StaffingTemplate, chargeableAreaM2: number): StaffPost[] {
	if (!Number.isFinite(chargeableAreaM2) || chargeableAreaM2 <= 0) {
		throw new RangeError(`chargeable area must be > 0 m², got ${chargeableAreaM2}`);
	}
	const factor = chargeableAreaM2 / template.referenceAreaM2;
	return template.posts.map((p) => ({ ...p, headcount: Math.max(1, Math.round(p.headcount * factor)) }));
}
