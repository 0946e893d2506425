/**
 * The names of a subsidy policy's parts, and the draft's validation problems in the user's words (where in the
 * editor, what is wrong), for the editor and the subsidy page.
 */
import type { z } from 'zod';
import { POLICY_PARTS, type PolicyPart } from '$lib/domain/subsidy';
import { t } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/messages';

/** The message key of each policy part's name. */
const PART_KEYS: Readonly<Record<PolicyPart, MessageKey>> = {
	design: 'subsidy.part.design',
	target: 'subsidy.part.target',
	ownerFee: 'subsidy.part.ownerFee',
	taper: 'subsidy.part.taper',
	reward: 'subsidy.part.reward',
	collectionFloor: 'subsidy.part.collectionFloor',
	budget: 'subsidy.part.budget',
	assessment: 'subsidy.part.assessment'
};

/** A policy part's name in the interface language. */
export function partLabel(part: PolicyPart): string {
	return t(PART_KEYS[part]);
}

const isPart = (s: string): s is PolicyPart => (POLICY_PARTS as readonly string[]).includes(s);

/** Each validation problem of the draft as "where: what", e.g. "年度预算：不能小于 0". */
export function policyProblemTexts(issues: readonly z.core.$ZodIssue[]): string[] {
	return issues.map((i) => {
		const head = String(i.path[0] ?? '');
		const where = isPart(head) ? partLabel(head) : head === 'years' ? partLabel('design') : i.path.join('.') || t('subsidy.editor.policy');
		const message =
			i.code === 'invalid_type'
				? t('subsidy.problem.number')
				: i.code === 'too_small' && typeof i.minimum === 'number'
					? t('subsidy.problem.min', { min: i.minimum })
					: i.code === 'too_big' && typeof i.maximum === 'number'
						? t('subsidy.problem.max', { max: i.maximum })
						: i.message;
		return t('subsidy.editor.problemAt', { where, message });
	});
}
