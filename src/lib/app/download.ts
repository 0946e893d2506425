/**
 * Saving a file the app made (an export) to the user's disk: a temporary object URL clicked through a hidden link.
 * Nothing leaves the browser; the URL is revoked once the browser has had time to start the download.
 */

/** Downloads a Blob under the given file name. */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers (FileSaver.js waits 40 s for the same reason).
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads text (e.g. CSV that already carries its BOM) as a file of the given MIME type. */
export function downloadText(text: string, filename: string, type = 'text/plain;charset=utf-8'): void {
	downloadBlob(new Blob([text], { type }), filename);
}

/** A file-name-safe version of a label: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
	return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'export';
}
