/**
 * The import-cycle check of `npm run check` (dpdm): every TypeScript and script module, type-only imports included,
 * because a cycle of types still ties two modules into one. Svelte components are not parsed; they import modules
 * but no module imports them, so a cycle cannot pass through one unless a module starts importing a component.
 */
export default {
	files: ['src/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bin/*.mjs', 'data/**/*.mjs'],
	tree: false,
	warning: false,
	progress: false,
	exitCode: 'circular:1'
};
