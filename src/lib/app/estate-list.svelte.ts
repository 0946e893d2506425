/**
 * The workspace's estates for the search boxes (the header's, the data page's estate of a sheet): read on first need
 * and again after the tables change, one list for all of them.
 */
import { currentEngine, session } from './session.svelte';
import { listEstates, type EstateListItem } from '../queries/estate-list';

class EstateList {
	/** The estates, or null until first read. */
	items = $state.raw<EstateListItem[] | null>(null);
	private loadedVersion = -1;

	/** Reads the list unless it is current (the engine not ready: left for a later need). */
	need(): void {
		if (session.status !== 'ready' || this.loadedVersion === session.version) return;
		const version = (this.loadedVersion = session.version);
		listEstates(currentEngine()).then(
			(list) => {
				if (version === session.version) this.items = list;
			},
			(e: Error) => {
				this.loadedVersion = -1;
				console.warn('estate list:', e.message);
			}
		);
	}
}

export const estateList = new EstateList();
