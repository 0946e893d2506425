/**
 * Owners' vote under Civil Code art. 278 (2021) [M: quoted from the code, not re-checked against the
 * official text]. A decision needs owners holding ≥ 2/3 of the exclusive area and ≥ 2/3 of the owners by
 * number to take part. Then items 6-8 (raising the maintenance fund, rebuilding, changing the use of
 * common parts or running a business with them) need ≥ 3/4 of the participating area and of the
 * participating owners; every other matter, hiring or dismissing the property firm and using the
 * maintenance fund among them, needs more than 1/2 of both.
 *
 * Correction to docs/sources.md §8, which put "raising or using the maintenance fund" under 3/4: in
 * the code only raising (筹集, item 6) needs 3/4; using it (使用, item 5) needs a simple majority. The
 * method notes (docs/sources.md §8) state the corrected rule.
 *
 * All four tests are decided in exact arithmetic (rational.ts): exactly 2/3 participation passes, one
 * owner fewer fails; exactly 1/2 approval fails, one more passes.
 */
import type { MotionKind } from '../../data/datasets';
import type { Bilingual, Provenance } from '../provenance';
import { UNITS, count, figure, num, type Explanation } from './explain';
import { compareRatio, decimalToRational, fractionOf } from './rational';

/** The counts of one vote (the data model's votes row without estate and motion text). */
export interface VoteTally {
	motion_kind: MotionKind;
	owners_total: number;
	area_total_m2: number;
	owners_participating: number;
	area_participating_m2: number;
	owners_yes: number;
	area_yes_m2: number;
}

/** A threshold as a fraction, and whether it must be exceeded (> 1/2) or only reached (≥ 2/3, ≥ 3/4). */
export interface VoteThreshold {
	p: bigint;
	q: bigint;
	strict: boolean;
	label: Bilingual;
}

/** The thresholds of art. 278 [M]. */
export const VOTE_THRESHOLDS: Readonly<{ participation: VoteThreshold; major: VoteThreshold; ordinary: VoteThreshold }> = {
	participation: { p: 2n, q: 3n, strict: false, label: { zh: '三分之二以上', en: 'at least 2/3' } },
	major: { p: 3n, q: 4n, strict: false, label: { zh: '四分之三以上', en: 'at least 3/4' } },
	ordinary: { p: 1n, q: 2n, strict: true, label: { zh: '过半数', en: 'more than 1/2' } }
};

/** Where the vote rules come from. */
export const VOTE_RULES_PROVENANCE: Provenance = {
	tag: 'M',
	source: 'Civil Code of the PRC art. 278, in force 2021; Method notes §8',
	source_zh: '《中华人民共和国民法典》第二百七十八条（2021 年起施行）；《质价方法与来源说明》§8',
	note: 'Using the maintenance fund (item 5) needs only a majority; raising it (item 6), rebuilding (item 7) and changing the use of common parts (item 8) need 3/4. Quoted, not re-checked: check the official text before a legal use.',
	note_zh:
		'使用维修资金（第五项）只需过半数同意；筹集维修资金（第六项）、改建重建（第七项）、改变共有部分用途或利用其经营（第八项）需四分之三以上同意。条文为引述、未复核：用于法律用途前请核对官方原文。'
};

/** One of the matters of art. 278, para. 1, and the majority it needs. */
export interface OwnersMatter {
	/** Item number in art. 278, para. 1. */
	item: number;
	kind: MotionKind;
	label: Bilingual;
}

/** The nine matters owners decide jointly (art. 278) [M], with the majority each needs. */
export const CIVIL_CODE_278_MATTERS: readonly OwnersMatter[] = [
	{ item: 1, kind: 'ordinary', label: { zh: '制定和修改业主大会议事规则', en: 'Adopt or amend the rules of procedure of the owners’ assembly' } },
	{ item: 2, kind: 'ordinary', label: { zh: '制定和修改管理规约', en: 'Adopt or amend the management statute' } },
	{ item: 3, kind: 'ordinary', label: { zh: '选举业主委员会或者更换业主委员会成员', en: 'Elect the owners’ committee or replace its members' } },
	{ item: 4, kind: 'ordinary', label: { zh: '选聘和解聘物业服务企业或者其他管理人', en: 'Hire or dismiss the property-service firm or other manager' } },
	{ item: 5, kind: 'ordinary', label: { zh: '使用建筑物及其附属设施的维修资金', en: 'Use the maintenance fund' } },
	{ item: 6, kind: 'major', label: { zh: '筹集建筑物及其附属设施的维修资金', en: 'Raise the maintenance fund' } },
	{ item: 7, kind: 'major', label: { zh: '改建、重建建筑物及其附属设施', en: 'Alter or rebuild the buildings and their facilities' } },
	{ item: 8, kind: 'major', label: { zh: '改变共有部分的用途或者利用共有部分从事经营活动', en: 'Change the use of common parts or run a business with them' } },
	{ item: 9, kind: 'ordinary', label: { zh: '有关共有和共同管理权利的其他重大事项', en: 'Other major matters of common ownership and joint management' } }
];

/**
 * Setting or changing the fee is an ordinary (majority) matter [E, this app's reading]: the fee is a term
 * of the service contract agreed when the firm is hired (item 4), and otherwise falls under item 9; both
 * need more than 1/2.
 */
export const FEE_DECISION_KIND: { kind: MotionKind; provenance: Provenance } = {
	kind: 'ordinary',
	provenance: {
		tag: 'E',
		source: 'This app’s reading of art. 278 (Method notes §8): fee terms go with hiring the firm (item 4) or item 9, both majority matters',
		source_zh: '本应用对《民法典》第二百七十八条的理解（《质价方法与来源说明》§8）：物业费是选聘物业服务企业（第四项）时约定的合同条款，否则属第九项，均需过半数同意'
	}
};

/** The four tests. */
export type VoteTestCode = 'participation_area' | 'participation_owners' | 'approval_area' | 'approval_owners';

/** One test's outcome. */
export interface VoteTest {
	test: VoteTestCode;
	passed: boolean;
	threshold: VoteThreshold;
	/** Owners or m² counted (participants, or yes votes). */
	actual: number;
	/** What the share is taken of (all owners / all area, or the participants). */
	base: number;
	/** p ÷ q × base: the count or area to reach (strict: to exceed). */
	required: number;
	/**
	 * The least that passes, as the law counts it: for owners the smallest whole number n with n ÷ base ≥ p ÷ q
	 * (strict: >); for area the same to 0.01 m², rounded up. Shown instead of `required`, so the rule and the
	 * shortfall beside it always agree (2/3 of 233 owners is 155.33: 156 are needed, not "155").
	 */
	needed: number;
	/**
	 * What is missing: for owners, the whole number of owners more needed; for area, required − actual
	 * in m² (for a strict threshold, more than this is needed). 0 when passed.
	 */
	shortfall: number;
	unit: 'owners' | 'm2';
	explanation: Bilingual;
}

/** The vote's outcome. */
export interface VoteResult {
	kind: MotionKind;
	passed: boolean;
	participationPassed: boolean;
	approvalPassed: boolean;
	tests: VoteTest[];
	/** Source of the rules applied. */
	rulesProvenance: Provenance;
	explanation: Explanation;
}

const TEST_LABELS: Readonly<Record<VoteTestCode, Bilingual>> = {
	participation_area: { zh: '参与表决专有部分面积', en: 'Participating exclusive area' },
	participation_owners: { zh: '参与表决人数', en: 'Participating owners' },
	approval_area: { zh: '同意的专有部分面积（占参与表决面积）', en: 'Area voting yes (of participating area)' },
	approval_owners: { zh: '同意人数（占参与表决人数）', en: 'Owners voting yes (of participating owners)' }
};

/** Smallest whole n with n ÷ base ≥ p ÷ q (strict: >), exact in BigInt. */
function wholeNeeded(base: number, t: VoteThreshold): number {
	const pb = t.p * BigInt(base);
	return Number(t.strict ? pb / t.q + 1n : (pb + t.q - 1n) / t.q);
}

/** The least area to 0.01 m² that reaches (strict: exceeds) p ÷ q of `base`, exact in rationals. */
function areaNeeded(base: number, t: VoteThreshold): number {
	const rb = decimalToRational(base);
	const num = t.p * rb.num * 100n;
	const den = t.q * rb.den;
	const cents = t.strict ? num / den + 1n : (num + den - 1n) / den;
	return Number(cents) / 100;
}

function check(test: VoteTestCode, actual: number, base: number, t: VoteThreshold, unit: 'owners' | 'm2'): VoteTest {
	// Nobody taking part cannot approve anything, whatever 0 ≥ 3/4 × 0 says.
	const cmp = base > 0 ? compareRatio(actual, base, t.p, t.q) : -1;
	const passed = base > 0 && (t.strict ? cmp > 0 : cmp >= 0);
	const required = fractionOf(base, t.p, t.q);
	const needed = unit === 'owners' ? wholeNeeded(base, t) : areaNeeded(base, t);
	let shortfall = 0;
	if (!passed) {
		if (unit === 'owners') {
			shortfall = Math.max(0, needed - actual);
		} else {
			shortfall = Math.max(0, required - actual);
		}
	}
	const u = unit === 'owners' ? UNITS.owners : UNITS.m2;
	const fmt = (v: number) => (unit === 'owners' ? count(v) : num(v, 2));
	const label = TEST_LABELS[test];
	const rule = `${t.strict ? '>' : '≥'} ${t.p}/${t.q} × ${fmt(base)} = ${fmt(required)}`;
	const missing = passed
		? { zh: '通过', en: 'passed' }
		: unit === 'owners'
			? { zh: `未通过，还差 ${shortfall} 人`, en: `failed, ${shortfall} more owner${shortfall === 1 ? '' : 's'} needed` }
			: {
					zh: `未通过，还差${t.strict ? '超过' : ''} ${num(shortfall, 2)} ㎡`,
					en: `failed, ${t.strict ? 'more than ' : ''}${num(shortfall, 2)} m² more needed`
				};
	return {
		test,
		passed,
		threshold: t,
		actual,
		base,
		required,
		needed,
		shortfall,
		unit,
		explanation: {
			zh: `${label.zh}：${fmt(actual)} ${u.zh}，需 ${rule} ${u.zh}（${t.label.zh}）：${missing.zh}`,
			en: `${label.en}: ${fmt(actual)} ${u.en}, needs ${rule} ${u.en} (${t.label.en}): ${missing.en}`
		}
	};
}

/**
 * Problems with a tally (empty when fine): owner counts whole and ≥ 0, totals > 0,
 * yes ≤ participating ≤ total for owners and for area.
 */
export function voteTallyProblems(t: VoteTally): string[] {
	const problems: string[] = [];
	for (const k of ['owners_total', 'owners_participating', 'owners_yes'] as const) {
		if (!Number.isSafeInteger(t[k]) || t[k] < 0) problems.push(`${k} must be a whole number ≥ 0, got ${t[k]}`);
	}
	for (const k of ['area_total_m2', 'area_participating_m2', 'area_yes_m2'] as const) {
		if (!Number.isFinite(t[k]) || t[k] < 0) problems.push(`${k} must be a finite area ≥ 0, got ${t[k]}`);
	}
	if (!(t.owners_total > 0)) problems.push('owners_total must be > 0');
	if (!(t.area_total_m2 > 0)) problems.push('area_total_m2 must be > 0');
	if (!(t.owners_yes <= t.owners_participating && t.owners_participating <= t.owners_total)) {
		problems.push('expected owners_yes ≤ owners_participating ≤ owners_total');
	}
	if (!(t.area_yes_m2 <= t.area_participating_m2 && t.area_participating_m2 <= t.area_total_m2)) {
		problems.push('expected area_yes_m2 ≤ area_participating_m2 ≤ area_total_m2');
	}
	if (t.motion_kind !== 'ordinary' && t.motion_kind !== 'major') problems.push(`motion_kind must be 'ordinary' or 'major', got ${String(t.motion_kind)}`);
	return problems;
}

/**
 * Whether a vote passes under art. 278: both participation tests (≥ 2/3 of area and of owners), then
 * both approval tests on the participants (major ≥ 3/4, ordinary > 1/2). Shortfalls assume the other
 * counts stay as they are (more participants raise the approval bar too).
 * E.g. 300 owners: 200 taking part passes (3 × 200 = 2 × 300), 199 fails; of 200 participants 100 yes
 * fails an ordinary motion (not more than half), 101 passes.
 * @throws RangeError when {@link voteTallyProblems} finds any.
 */
export function tallyVote(t: VoteTally): VoteResult {
	const problems = voteTallyProblems(t);
	if (problems.length > 0) throw new RangeError(problems.join('; '));
	const approval = t.motion_kind === 'major' ? VOTE_THRESHOLDS.major : VOTE_THRESHOLDS.ordinary;
	const tests = [
		check('participation_area', t.area_participating_m2, t.area_total_m2, VOTE_THRESHOLDS.participation, 'm2'),
		check('participation_owners', t.owners_participating, t.owners_total, VOTE_THRESHOLDS.participation, 'owners'),
		check('approval_area', t.area_yes_m2, t.area_participating_m2, approval, 'm2'),
		check('approval_owners', t.owners_yes, t.owners_participating, approval, 'owners')
	];
	const participationPassed = tests[0].passed && tests[1].passed;
	const approvalPassed = tests[2].passed && tests[3].passed;
	const passed = participationPassed && approvalPassed;
	const kindLabel: Bilingual =
		t.motion_kind === 'major'
			? { zh: '重大事项（第六至八项）', en: 'major matter (items 6-8)' }
			: { zh: '一般事项', en: 'ordinary matter' };
	return {
		kind: t.motion_kind,
		passed,
		participationPassed,
		approvalPassed,
		tests,
		rulesProvenance: VOTE_RULES_PROVENANCE,
		explanation: {
			formula: {
				zh: `《民法典》第二百七十八条：参与表决的专有部分面积与人数均须占三分之二以上；${kindLabel.zh}须经参与表决面积与人数${approval.label.zh}同意`,
				en: `Civil Code art. 278: owners holding at least 2/3 of the area and at least 2/3 of the owners must take part; a ${kindLabel.en} needs ${approval.label.en} of the participating area and owners`
			},
			inputs: [
				figure({ zh: '业主总人数', en: 'Owners total' }, t.owners_total, UNITS.owners),
				figure({ zh: '专有部分总面积', en: 'Total exclusive area' }, t.area_total_m2, UNITS.m2),
				figure({ zh: '参与表决人数', en: 'Owners participating' }, t.owners_participating, UNITS.owners),
				figure({ zh: '参与表决面积', en: 'Area participating' }, t.area_participating_m2, UNITS.m2),
				figure({ zh: '同意人数', en: 'Owners yes' }, t.owners_yes, UNITS.owners),
				figure({ zh: '同意面积', en: 'Area yes' }, t.area_yes_m2, UNITS.m2)
			],
			text: {
				zh: `${tests.map((x) => x.explanation.zh).join('；')}。结论：${passed ? '表决通过' : '表决未通过'}。`,
				en: `${tests.map((x) => x.explanation.en).join('; ')}. Result: ${passed ? 'passed' : 'not passed'}.`
			}
		}
	};
}

/** What passing needs, known before any vote is entered (the thresholds as the law counts them). */
export interface VoteForecast {
	/** False while nobody is entered as taking part or voting yes. */
	entered: boolean;
	approvalThreshold: VoteThreshold;
	/** At least this many owners and this much area must take part (≥ 2/3 of all). */
	participation: { owners: number; area: number };
	/** Yes votes needed, on the participation entered so far or, if less, the least that passes. */
	approval: { owners: number; area: number; basedOnOwners: number; basedOnArea: number };
}

/**
 * The vote as a forecast. E.g. 233 owners and 10,000 m²: at least ⌈2/3 × 233⌉ = 156 owners and 6,666.67 m²
 * must take part; an ordinary motion then needs more than half of them: 79 owners (> 78) and 3,333.34 m²
 * (> 3,333.335). Owners and area are whole counts and 0.01 m², rounded up.
 * @throws RangeError when {@link voteTallyProblems} finds any.
 */
export function voteForecast(t: VoteTally): VoteForecast {
	const problems = voteTallyProblems(t);
	if (problems.length > 0) throw new RangeError(problems.join('; '));
	const approvalThreshold = t.motion_kind === 'major' ? VOTE_THRESHOLDS.major : VOTE_THRESHOLDS.ordinary;
	const p = VOTE_THRESHOLDS.participation;
	const participation = { owners: wholeNeeded(t.owners_total, p), area: areaNeeded(t.area_total_m2, p) };
	const basedOnOwners = Math.max(participation.owners, t.owners_participating);
	const basedOnArea = Math.max(participation.area, t.area_participating_m2);
	return {
		entered: t.owners_participating > 0 || t.area_participating_m2 > 0 || t.owners_yes > 0 || t.area_yes_m2 > 0,
		approvalThreshold,
		participation,
		approval: {
			owners: wholeNeeded(basedOnOwners, approvalThreshold),
			area: areaNeeded(basedOnArea, approvalThreshold),
			basedOnOwners,
			basedOnArea
		}
	};
}
