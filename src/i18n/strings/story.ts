/** The story page: its panel, steps and chapter furniture. Keys "story.*". */
export const en = {
  'story.previousStep': 'Previous step',
  'story.nextStep': 'Next step',
  'story.stepOf': 'Step {n} of {total}',
  'story.progress': 'Progress through the story',
  'story.captionToggle': 'Notes, sources and sharing for this graphic',
  'story.mapNote': 'Roads are drawn schematically between the towns they pass through. Regions as before Mali’s 2023 reform.',
} as const;

export const fr: Record<keyof typeof en, string> = {
  'story.previousStep': 'Étape précédente',
  'story.nextStep': 'Étape suivante',
  'story.stepOf': 'Étape {n} sur {total}',
  'story.progress': 'Progression dans le récit',
  'story.captionToggle': 'Notes, sources et partage de ce graphique',
  'story.mapNote': 'Les routes sont tracées de façon schématique entre les villes qu’elles traversent. Régions d’avant la réforme de 2023 au Mali.',
};
