/**
 * One shared topic table for the default niche: the bucket a title is classified into, the
 * description prompts use, and the keywords classification counts. (The original had two
 * tables whose names did not match.)
 */
export interface Topic {
  id: string;
  description: string;
  keywords: readonly string[];
}

export const wellnessTopics: readonly Topic[] = [
  {
    id: 'superfoods',
    description: 'superfoods and nutrient-dense everyday foods',
    keywords: [
      'superfood',
      'berries',
      'blueberr',
      'turmeric',
      'ginger',
      'spinach',
      'kale',
      'avocado',
      'seeds',
      'nuts',
    ],
  },
  {
    id: 'teas_drinks',
    description: 'teas, infusions and healthy drinks',
    keywords: ['tea', 'coffee', 'drink', 'infusion', 'matcha', 'juice', 'smoothie'],
  },
  {
    id: 'supplements',
    description: 'supplements, vitamins and minerals',
    keywords: ['supplement', 'vitamin', 'magnesium', 'zinc', 'omega', 'collagen', 'mineral', 'creatine'],
  },
  {
    id: 'sleep',
    description: 'sleep quality and evening routines',
    keywords: ['sleep', 'insomnia', 'melatonin', 'bedtime', 'night', 'nap'],
  },
  {
    id: 'morning_routines',
    description: 'morning routines and daily habits',
    keywords: ['morning', 'routine', 'habit', 'wake', 'breakfast'],
  },
  {
    id: 'skin_antiaging',
    description: 'skin health and healthy ageing of the skin',
    keywords: ['skin', 'wrinkle', 'aging', 'ageing', 'collagen', 'glow', 'elastic'],
  },
  {
    id: 'gut_health',
    description: 'gut health, digestion and the microbiome',
    keywords: ['gut', 'digest', 'microbiome', 'probiotic', 'bloat', 'fiber', 'fibre'],
  },
  {
    id: 'hormones',
    description: 'hormones, menopause and metabolism',
    keywords: ['hormone', 'menopause', 'estrogen', 'cortisol', 'thyroid', 'insulin', 'metabolism'],
  },
  {
    id: 'stress_mood',
    description: 'stress, mood and emotional wellbeing',
    keywords: ['stress', 'anxiety', 'mood', 'calm', 'depress', 'happiness', 'relax'],
  },
  {
    id: 'hydration_detox',
    description: "hydration, electrolytes and the body's own detox",
    keywords: ['water', 'hydrat', 'electrolyte', 'detox', 'liver', 'kidney'],
  },
  {
    id: 'brain_memory',
    description: 'brain health, memory and focus',
    keywords: ['brain', 'memory', 'focus', 'cognitive', 'dementia', 'neuro'],
  },
  {
    id: 'heart_health',
    description: 'heart health, blood pressure and circulation',
    keywords: ['heart', 'blood pressure', 'cholesterol', 'circulation', 'cardio'],
  },
  { id: 'general', description: 'any evidence-informed wellness topic', keywords: [] },
];

export const topicCooldownDays = 3;

/** The bucket with the most keyword hits in the title; ties go to the earlier bucket. */
export function classifyTopic(title: string, topics: readonly Topic[] = wellnessTopics): string {
  const text = title.toLowerCase();
  let best = 'general';
  let bestHits = 0;
  for (const topic of topics) {
    const hits = topic.keywords.filter((k) => text.includes(k)).length;
    if (hits > bestHits) {
      best = topic.id;
      bestHits = hits;
    }
  }
  return best;
}

/** Topics a brand's agents draw from: the wellness table, or the brand's own niche as one topic. */
export function topicsForNiche(niche: string, isDefaultNiche: boolean): readonly Topic[] {
  return isDefaultNiche
    ? wellnessTopics.filter((t) => t.id !== 'general')
    : [{ id: 'general', description: niche, keywords: [] }];
}
