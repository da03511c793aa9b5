/** The French twin of src/pages/downloads/[name].svg.ts: the same files, their words in French (GET reads the language from the address). */
export { GET, getStaticPaths } from '../../downloads/[name].svg.ts';
