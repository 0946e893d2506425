/**
 * A motion's kind read from its words, for a vote sheet without a 事项类别 column (docs/sources.md §8, Civil Code art.
 * 278 [M]): raising the maintenance fund (item 6), rebuilding (item 7) and changing the use of common parts or running
 * a business with them (item 8) are major (3/4); the rules of procedure, the statute, the committee, hiring or
 * dismissing the firm, using the fund (items 1-5) and the fee (item 4 or 9, §8 [E]) are ordinary (more than 1/2).
 * A motion whose words say neither is undefined: the person says which; a kind is never guessed from nothing. Pure.
 */
import type { MotionKind } from '../../data/datasets';

const FUND = /维修资金|维修基金|公共维修金/;
/** Item 6: raising the fund (筹集, 续筹, 补交, 归集 …). */
const RAISING = /筹集|续筹|筹措|续交|续缴|补交|补缴|追加|归集/;
/** Items 7 and 8: rebuilding, changing the use of common parts, a business with them. */
const MAJOR = /改建|重建|拆除重建|扩建|加建|改变.{0,16}用途|改作|利用.{0,12}共有部分.{0,12}经营|共有部分.{0,16}(?:出租|经营)|经营性用房/;
/** Items 1-5, and the fee. */
const ORDINARY = /议事规则|管理规约|业主委员会|业委会|委员|选举|选聘|续聘|解聘|改聘|聘请|聘用|物业服务企业|物业公司|物业服务合同|物业服务人|使用|动用|物业费|物业服务费|收费标准|服务费|收费/;

/** The kind a motion's words say, or undefined when they say neither. */
export function motionKindOf(motion: string): MotionKind | undefined {
	const t = motion.replace(/\s+/g, '');
	if ((FUND.test(t) && RAISING.test(t)) || MAJOR.test(t)) return 'major';
	if (ORDINARY.test(t)) return 'ordinary';
	return undefined;
}
