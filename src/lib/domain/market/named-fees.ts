/**
 * Other fees named beside a listing's property fee (docs/sources.md §14.1): "1.6元/平米/月，电梯费0.3元/平米/月" or
 * "物业费1.6元，垃圾费0.2元". Read as plain numbers they made a range from the other fee to the property fee (0.3 to 1.6).
 * A lift or pump fee is paid on top by the homes it serves, so it becomes an add-on of the fee; a fee for something
 * else (rubbish, heating, water, power, gas, television, a renovation deposit) is not part of it and is set aside.
 * Parking keeps its own rule (a labelled non-residential fee, listing-text.ts). Pure.
 */

/** A fee paid on top of the property fee by the homes with a lift or a booster pump. */
const LIFT_FEE = String.raw`(?:电梯|二次供水|二次加压|加压|水泵)(?:运行维护|运行|使用|维护|维修|服务|能耗)?费`;
/** A fee for something the property fee does not cover. */
const OTHER_FEE = String.raw`(?:生活垃圾|建筑垃圾|垃圾(?:清运|处理|清理)?|暖气|取暖|供暖|采暖|水电|水|电|燃气|煤气|天然气|有线电视|宽带|装修(?:押金|保证金|管理)?)费`;
/** An amount with its unit, as listings write it: "0.3元/平米/月", "约0.2元", "0.1-0.2元/㎡·月", "20元/户/月". */
const AMOUNT = String.raw`(?:约\s*)?\d[\d,]*(?:\.\d+)?\s*元?(?:\s*(?:至|~|～|-|—|–|到)\s*\d[\d,]*(?:\.\d+)?\s*元?)?(?:\s*(?:[/·.*]|每)\s*(?:建筑)?(?:平方米|平米|平|户|套|月|年|天|日))*`;
/** A named fee and its amount, either way round ("电梯费：0.3元", "0.3元/平米/月的电梯费"). */
const NAMED = new RegExp(
	String.raw`(?<![含括]\s*)(${LIFT_FEE}|${OTHER_FEE})\s*(?:为|是)?\s*[:：]?\s*(${AMOUNT})|(${AMOUNT})\s*的?\s*(${LIFT_FEE}|${OTHER_FEE})(?=\s*(?:$|[,，;；、。)\]]))`,
	'g'
);
const IS_LIFT = new RegExp(`^${LIFT_FEE}$`);

/** The text without its named other fees, and the amounts of the lift fees among them (to be added on). */
export interface NamedFees {
	readonly text: string;
	readonly addOns: readonly string[];
	/** Whether any named fee was found. */
	readonly found: boolean;
}

/** Takes the named fees out of a (folded) fee text. */
export function takeNamedFees(text: string): NamedFees {
	const addOns: string[] = [];
	let found = false;
	const rest = text.replace(NAMED, (whole, nameBefore?: string, amountAfter?: string, amountBefore?: string, nameAfter?: string) => {
		const name = nameBefore ?? nameAfter ?? '';
		const amount = amountAfter ?? amountBefore ?? '';
		// "电梯费另计" and "含电梯费" carry no amount of their own: left for the add-on rule.
		if (!/\d/.test(amount)) return whole;
		found = true;
		if (IS_LIFT.test(name)) addOns.push(amount.trim());
		return ' ';
	});
	return { text: rest, addOns, found };
}
