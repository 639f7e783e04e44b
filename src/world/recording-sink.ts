import type {
  EmergencyEscalation,
  Interaction,
  ParentalControlEvent,
  ServiceRequest,
  SystemSnapshot,
  WorldSink,
} from './types.js';

/** A sink that keeps every event, for tests and for looking at what a world produces. */
export interface RecordingSink extends WorldSink {
  interactions: Interaction[];
  emergencies: EmergencyEscalation[];
  requests: ServiceRequest[];
  parentalControls: ParentalControlEvent[];
  snapshots: SystemSnapshot[];
}

export function createRecordingSink(): RecordingSink {
  const sink: RecordingSink = {
    interactions: [],
    emergencies: [],
    requests: [],
    parentalControls: [],
    snapshots: [],
    interaction: (event) => sink.interactions.push(event),
    emergency: (event) => sink.emergencies.push(event),
    request: (event) => sink.requests.push(event),
    parentalControl: (event) => sink.parentalControls.push(event),
    snapshot: (event) => sink.snapshots.push(event),
  };

  return sink;
}
