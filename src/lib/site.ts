/** The site's name and who publishes it, as cited and credited. */
export const SITE_TITLE = 'Lifelines: Mali’s roads, fuel and power, explained';
export const SITE_PUBLISHER = 'The Lifelines project';
