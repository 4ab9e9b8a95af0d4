// Environmental Performance Indicator: deviation method (APO; Cases A, C) and traffic-light /
// Objective Matrix level method (Case B), with "< x" lab results carried as bounds.
export {
  requireDetectionLimitPolicy,
  requireLabMeasurement,
  resolveLabMeasurement,
  type DetectionLimitPolicy,
  type EpiBound,
  type EpiInterval,
  type LabMeasurement,
  type LabQualifier,
  type ResolvedLabMeasurement,
} from './lab-measurement.js';
export {
  checkDeviationStandard,
  deviationPerformance,
  type CheckedDeviationStandard,
  type DeviationLimitKind,
} from './deviation-performance.js';
export {
  deviationEpi,
  type DeviationEpiResult,
  type DeviationEpiSettings,
  type DeviationEpiTerm,
  type DeviationParameter,
} from './deviation-epi.js';
export {
  checkTrafficLightScale,
  type CheckedTrafficLightScale,
  type TrafficLightAnchor,
  type TrafficLightDirection,
  type TrafficLightScale,
} from './traffic-light-scale.js';
export {
  requireTrafficLightScoring,
  trafficLightLevel,
  trafficLightLevelValues,
  type TrafficLightLevelResult,
  type TrafficLightLevelSettings,
  type TrafficLightScoring,
} from './traffic-light-level.js';
export {
  checkTrafficLightBands,
  DEFAULT_TRAFFIC_LIGHT_BANDS,
  trafficLightBand,
  type TrafficLightBand,
  type TrafficLightBandThresholds,
} from './traffic-light-band.js';
export {
  trafficLightEpi,
  type TrafficLightEpiResult,
  type TrafficLightEpiSettings,
  type TrafficLightEpiTerm,
  type TrafficLightParameter,
} from './traffic-light-epi.js';
