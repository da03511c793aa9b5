/** The French twin of src/pages/downloads/[file].csv.ts: the same files, their words in French (GET reads the language from the address). */
export { GET, getStaticPaths } from '../../downloads/[file].csv.ts';
