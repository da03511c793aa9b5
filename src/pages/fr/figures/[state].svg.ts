/** The step figures in French, at /fr/figures/<state>.svg: the English endpoint reads the language from the address. */
export { GET, getStaticPaths } from '../../figures/[state].svg';
