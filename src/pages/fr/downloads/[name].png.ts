/** The French twin of src/pages/downloads/[name].png.ts: the same files, their words in French (GET reads the language from the address). */
export { GET, getStaticPaths } from '../../downloads/[name].png.ts';
