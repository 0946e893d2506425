/**
 * The import worker (a module worker, bundled by Vite): reading, detecting, normalising and checking files, and
 * building staging chunks, off the page's main thread. All logic is in the library; see worker-host.ts.
 */
import { serveImports, type ImportPort } from './worker-host';

serveImports(self as unknown as ImportPort);
