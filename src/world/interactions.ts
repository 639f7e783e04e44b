import { drawAnswer } from './answers.js';
import type { ActiveFaults, FaultTimeline } from './faults.js';
import type { EventSource, PoissonProcess } from './poisson.js';
import type { RandomStream, RandomStreams } from './random.js';
import { drawRequests } from './requests.js';
import { screenAnswer } from './safety.js';
import type { SessionPool, SessionTurn } from './sessions.js';
import type { Interaction } from './types.js';

/** Consent is missing for 1 session in 500 on a normal day (the SLO allows 1 in 100). */
const BASELINE_CONSENT_FAILURE_SHARE = 0.002;
const SESSION_SUCCESS_SHARE = 0.93;
/** The bear speaks about 25 tokens a second; the child listens to the whole answer. */
const SPOKEN_SECONDS_PER_TOKEN = 0.04;

export interface InteractionSource extends EventSource {
  /** The next answer goes to a child trying to get round parental controls. */
  markBypassAttempt(): void;
}

interface InteractionOptions {
  arrivals: PoissonProcess;
  sessions: SessionPool;
  faults: FaultTimeline;
  streams: RandomStreams;
}

/** Child interactions: who talks, what the model answers, what the screen finds, what it costs. */
export function createInteractionSource(options: InteractionOptions): InteractionSource {
  const { arrivals, sessions, faults, streams } = options;
  const answers = streams.stream('answers');
  const safety = streams.stream('safety');
  const requests = streams.stream('requests');
  const compliance = streams.stream('compliance');
  const outcomes = streams.stream('outcomes');
  let pendingBypassAttempts = 0;

  return {
    markBypassAttempt: () => {
      pendingBypassAttempts += 1;
    },
    peek: (untilMs) => arrivals.peek(untilMs),
    fire(sink) {
      const atMs = arrivals.take();
      const active = faults.activeAt(atMs);
      const turn = sessions.turnAt(atMs);
      const { session } = turn;
      const answer = drawAnswer(answers, session.model, session.interactionType, active);
      const bypassAttempt = pendingBypassAttempts > 0;
      if (bypassAttempt) pendingBypassAttempts -= 1;
      const screening = screenAnswer(safety, session.child.ageGroup, active, bypassAttempt);
      const severity = screening.violation?.severity;
      if (severity === 'critical' || severity === 'high') session.unsafe = true;

      const interaction: Interaction = {
        atMs,
        sessionHash: session.hash,
        ageGroup: session.child.ageGroup,
        interactionType: session.interactionType,
        model: session.model,
        ...answer,
        ...screening,
      };
      if (turn.isFirst) interaction.consentCheck = { passed: consentPassed(compliance, active) };
      if (turn.isLast) {
        interaction.sessionEnd = sessionEnd(
          turn,
          atMs,
          answer,
          outcomes.bernoulli(SESSION_SUCCESS_SHARE),
        );
      }
      sink.interaction(interaction);
      for (const request of drawRequests(requests, atMs, turn.isFirst, active)) {
        sink.request(request);
      }
    },
  };
}

function consentPassed(random: RandomStream, active: ActiveFaults): boolean {
  let failed = random.bernoulli(BASELINE_CONSENT_FAILURE_SHARE);
  for (const fault of active.of('compliance-lapse')) {
    failed = fault.random.bernoulli(fault.effect.consentFailureShare ?? 0) || failed;
  }

  return !failed;
}

function sessionEnd(
  turn: SessionTurn,
  atMs: number,
  answer: { responseTimeMs: number; tokens: number },
  satisfied: boolean,
): NonNullable<Interaction['sessionEnd']> {
  const listenedMs = answer.responseTimeMs + answer.tokens * SPOKEN_SECONDS_PER_TOKEN * 1_000;

  return {
    engagementSeconds: (atMs - turn.session.startedMs + listenedMs) / 1_000,
    success: satisfied && !turn.session.unsafe,
  };
}
