import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import {
  AGE_GROUPS,
  INTERACTION_TYPES,
  MODELS,
  type InteractionType,
  type Model,
} from '../common/vocabulary.js';
import type { Load } from '../scenario/types.js';
import type { Child, ChildPool } from './children.js';
import type { RandomStream } from './random.js';

/** One child's conversation with the bear. Stays inside the world; telemetry sees `hash` only. */
export interface Session {
  id: string;
  /** Salted hash of `id`: links the spans of one session without saying whose it is. */
  hash: string;
  child: Child;
  interactionType: InteractionType;
  model: Model;
  startedMs: number;
  plannedEndMs: number;
  interactions: number;
  /** Set when an answer in the session was flagged high or critical. */
  unsafe: boolean;
}

export interface SessionTurn {
  session: Session;
  isFirst: boolean;
  /** The session ends with this interaction; its child is free again. */
  isLast: boolean;
}

export interface SessionPool {
  /** The session an interaction arriving at `atMs` belongs to. */
  turnAt(atMs: number): SessionTurn;
}

/** Share of arrivals that open a session; below 0.5 the number of open sessions stays bounded. */
const NEW_SESSION_SHARE = 0.12;
const DURATION_MEDIAN_MS = 150_000;
const DURATION_SIGMA = 0.8;

interface SessionPoolOptions {
  load: Load;
  children: ChildPool;
  faker: Faker;
  random: RandomStream;
  /** Per-run salt of the session hash. */
  salt: string;
}

/**
 * Each arrival opens a session or continues a random open one. A session ends at the first of
 * its turns after its planned duration, so the last interaction can carry the session's end.
 */
export function createSessionPool(options: SessionPoolOptions): SessionPool {
  const { load, children, faker, random, salt } = options;
  const ageWeights = equalUnlessGiven(load.ageGroups, AGE_GROUPS);
  const typeWeights = equalUnlessGiven(load.interactionTypes, INTERACTION_TYPES);
  const modelWeights = equalUnlessGiven(load.models, MODELS);
  const open: Session[] = [];

  const start = (atMs: number): Session => {
    const id = faker.string.uuid();
    const durationMs = Math.min(1_800_000, random.logNormal(DURATION_MEDIAN_MS, DURATION_SIGMA));

    return {
      id,
      hash: sessionHash(salt, id),
      child: children.acquire(random.weighted(ageWeights)),
      interactionType: random.weighted(typeWeights),
      model: random.weighted(modelWeights),
      startedMs: atMs,
      plannedEndMs: atMs + Math.max(5_000, durationMs),
      interactions: 0,
      unsafe: false,
    };
  };

  return {
    turnAt(atMs) {
      const opensNew = random.bernoulli(NEW_SESSION_SHARE) || open.length === 0;
      if (opensNew) {
        const session = start(atMs);
        session.interactions += 1;
        open.push(session);

        return { session, isFirst: true, isLast: false };
      }
      const index = Math.floor(random.next() * open.length);
      const session = open[index]!;
      session.interactions += 1;
      const isLast = session.plannedEndMs <= atMs;
      if (isLast) {
        open[index] = open[open.length - 1]!;
        open.pop();
        children.release(session.child);
      }

      return { session, isFirst: false, isLast };
    },
  };
}

/** First 16 hex characters of sha256(salt + session id). */
export function sessionHash(salt: string, sessionId: string): string {
  return createHash('sha256').update(salt).update(sessionId).digest('hex').slice(0, 16);
}

/** The given weights, or equal weights for every value when none are given. */
export function equalUnlessGiven<K extends string>(
  weights: Partial<Record<K, number>> | undefined,
  all: readonly K[],
): Partial<Record<K, number>> {
  if (weights !== undefined) return weights;

  return Object.fromEntries(all.map((key) => [key, 1])) as Partial<Record<K, number>>;
}
