import type { ContentType, InteractionType, Model } from '../common/vocabulary.js';
import type { ActiveFaults } from './faults.js';
import { clamp, type RandomStream } from './random.js';

/** What the AI model did for one answer. */
export interface Answer {
  contentType: ContentType;
  responseTimeMs: number;
  tokens: number;
  costUsd: number;
  accuracy: number;
  quality: number;
  hallucinated: boolean;
}

interface ModelProfile {
  latencyMedianMs: number;
  tokensMedian: number;
  usdPer1kTokens: number;
}

/**
 * Medians sit a little below the figures often quoted for these models so that a normal day
 * keeps the AI latency SLO (p95 < 500 ms over all models) with a margin: about 3 % of answers
 * take longer than 500 ms, 2 % fall in a slow tail (retries, long generations), and p99 is
 * around 3 s with a few answers above 5 s.
 */
const MODEL_PROFILES: Record<Model, ModelProfile> = {
  'gpt-4': { latencyMedianMs: 360, tokensMedian: 220, usdPer1kTokens: 0.03 },
  'claude-sonnet': { latencyMedianMs: 300, tokensMedian: 240, usdPer1kTokens: 0.009 },
  'palm-2': { latencyMedianMs: 260, tokensMedian: 180, usdPer1kTokens: 0.0015 },
};
const LATENCY_SIGMA = 0.18;
const SLOW_TAIL_SHARE = 0.02;
const SLOW_TAIL_MEDIAN_MS = 3_000;
const SLOW_TAIL_SIGMA = 0.5;
const TOKENS_SIGMA = 0.35;
const HALLUCINATION_SHARE = 0.003;

const TOKEN_FACTOR: Record<InteractionType, number> = {
  conversation: 1,
  storytelling: 2.5,
  games: 0.8,
  learning: 1.3,
  bedtime: 2.2,
};

const CONTENT_WEIGHTS: Record<InteractionType, Partial<Record<ContentType, number>>> = {
  conversation: { response: 0.8, question: 0.2 },
  storytelling: { story: 0.85, response: 0.15 },
  games: { question: 0.4, response: 0.6 },
  learning: { question: 0.4, response: 0.6 },
  bedtime: { story: 0.85, response: 0.15 },
};

/** Draws one answer; every call consumes the same number of draws from `random`. */
export function drawAnswer(
  random: RandomStream,
  model: Model,
  interactionType: InteractionType,
  active: ActiveFaults,
): Answer {
  const profile = MODEL_PROFILES[model];
  const contentType = random.weighted(CONTENT_WEIGHTS[interactionType]);
  const slow = random.bernoulli(SLOW_TAIL_SHARE);
  let responseTimeMs = slow
    ? random.logNormal(SLOW_TAIL_MEDIAN_MS, SLOW_TAIL_SIGMA)
    : random.logNormal(profile.latencyMedianMs, LATENCY_SIGMA);
  let tokens = random.logNormal(profile.tokensMedian * TOKEN_FACTOR[interactionType], TOKENS_SIGMA);
  let accuracy = 1 - random.logNormal(0.04, 0.6);
  let quality = 1 - random.logNormal(0.06, 0.5);
  let hallucinated = random.bernoulli(HALLUCINATION_SHARE);

  for (const fault of active.of('model-degradation')) {
    const effect = fault.effect;
    if (effect.model !== model) continue;
    responseTimeMs *= effect.latencyMultiplier ?? 1;
    tokens *= effect.tokenMultiplier ?? 1;
    accuracy -= effect.accuracyDrop ?? 0;
    quality -= effect.qualityDrop ?? 0;
    hallucinated = fault.random.bernoulli(effect.hallucinationShare ?? 0) || hallucinated;
  }
  const roundedTokens = Math.max(5, Math.round(tokens));

  return {
    contentType,
    responseTimeMs: Math.round(responseTimeMs),
    tokens: roundedTokens,
    costUsd: (roundedTokens / 1_000) * profile.usdPer1kTokens,
    accuracy: clamp(accuracy),
    quality: clamp(quality),
    hallucinated,
  };
}
