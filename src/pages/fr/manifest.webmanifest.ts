/** The French twin of src/pages/manifest.webmanifest.ts: GET reads the language from the address. */
export { GET } from '../manifest.webmanifest';
