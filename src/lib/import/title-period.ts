/**
 * A score sheet whose title names a period ("2025年第三季度…") and which also has a period column (考评时间): the
 * column's values are the rows' periods. When they are not the title's period (a month of that quarter, another
 * quarter), the person is told once which periods were read, so a sheet titled by quarter never turns into months
 * unnoticed.
 */
import type { RowContext } from './row-checks';

/** Distinct values named in the note (a sheet of one period a row lists them all). */
const SHOWN = 3;

export class TitlePeriodCheck {
	private readonly seen = new Set<string>();
	private others = 0;

	/** `title`: the title's period, when it has one and the sheet has a period column; else nothing is checked. */
	constructor(private readonly title: string | undefined) {}

	/** One row's period as read from the column. */
	note(period: unknown): void {
		if (this.title === undefined || typeof period !== 'string' || period === this.title) return;
		this.others++;
		if (this.seen.size < SHOWN) this.seen.add(period);
	}

	/** Said once, as a warning on the period column, if any row's period is not the title's. */
	report(ctx: RowContext, header: string | null): void {
		if (this.title === undefined || this.others === 0) return;
		const periods = [...this.seen].join('、');
		ctx.sink.add(null, header, null, { code: 'period_title_other', params: { title: this.title, periods, rows: this.others } }, 'warning');
	}

	/** The check for a sheet: only when its period came from the title and a period column is read too. */
	static of(ctx: RowContext, hasPeriodColumn: boolean): TitlePeriodCheck {
		return new TitlePeriodCheck(hasPeriodColumn && ctx.constantPeriod?.from === 'title' ? ctx.constantPeriod.value : undefined);
	}
}
