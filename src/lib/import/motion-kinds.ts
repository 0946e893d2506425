/**
 * A vote sheet without a 事项类别 column (reading rules 13, docs/sources.md §8, §18.4): each motion's kind is read from
 * its words (domain/negotiation/motion-kind.ts), said once with the counts; a motion whose words say neither kind is
 * an error on its row asking for the column, never a guess (the kind decides whether a vote passed).
 */
import { motionKindOf } from '../domain/negotiation/motion-kind';
import type { ProblemSink } from './prepared';

export class MotionKinds {
	private readonly counts = { ordinary: 0, major: 0 };

	/** Fills `values[c]` (the kind) from `values[motionK]` (the motion); returns whether the row is bad. */
	read(values: unknown[], c: number, motionK: number, row: number, header: string | null, sink: ProblemSink): boolean {
		const motion = values[motionK];
		if (typeof motion !== 'string') return false;
		const kind = motionKindOf(motion);
		values[c] = kind ?? null;
		if (kind) {
			this.counts[kind]++;
			return false;
		}
		sink.add(row, header, motion, { code: 'motion_kind_unknown' }, 'error');
		return true;
	}

	/** One note: how many motions were read as each kind. */
	report(sink: ProblemSink): void {
		if (this.counts.ordinary + this.counts.major > 0) sink.add(null, null, null, { code: 'motion_kind_from_motion', params: this.counts }, 'warning');
	}
}
