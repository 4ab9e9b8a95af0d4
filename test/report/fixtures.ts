/**
 * A synthetic study that exercises every report section the examples do not: AHP (with an
 * inconsistent matrix), team roles, mass balance that does not close, productivity inputs by
 * category, NPV decision, plan with schedules, and hostile text in every user field.
 */
import type { StudyInput } from '../../src/engine/study/study-input.js';

export const HOSTILE = '<script>alert("x")</script>';

export const syntheticStudy: StudyInput = {
  lestari: 1,
  language: 'en',
  study: {
    title: `Tofu plant ${HOSTILE} study`,
    organisation: {
      name: 'UD Tahu <b>Sehat</b>',
      sector: 'Food',
      location: 'Kediri',
      products: 'Tofu',
      employees: 1250,
    },
    team: [
      { name: 'Sri <i>Wahyuni</i>', role: 'Facilitator' },
      { name: 'Budi', role: 'Production head' },
    ],
    period: '2025',
    source: { citation: 'Field data & interviews', url: 'https://example.org/study?a=1&b=<2>' },
  },
  walkThrough: [{ area: 'Boiling', observation: `Steam leaks ${HOSTILE}` }],
  massBalance: {
    unit: 'kg/h',
    processes: [
      {
        name: 'Soaking',
        inputs: [
          { name: 'Soybean', quantity: 100 },
          { name: 'Water', quantity: 300 },
        ],
        products: [{ name: 'Wet soybean', quantity: 180 }],
        wastes: [{ name: 'Soak water', quantity: 200 }],
      },
      {
        name: 'Grinding',
        inputs: [{ name: 'Wet soybean', quantity: 180 }],
        products: [{ name: 'Slurry', quantity: 178 }],
      },
    ],
  },
  productivity: {
    basis: 'value',
    unit: 'million IDR',
    periods: [
      { label: 'Q1', outputs: { sales: 1200 }, inputs: { material: 700, labour: 150, energy: 90 } },
      { label: 'Q2', outputs: { sales: 1100 }, inputs: { material: 690, labour: 150, energy: 95 } },
      { label: 'Q3', outputs: { sales: 1300 }, inputs: { material: 720, labour: 155, energy: 92 } },
    ],
  },
  effluent: {
    parameters: [
      {
        id: 'bod',
        name: 'BOD',
        unit: 'mg/L',
        measured: 180,
        limit: { max: 150, citation: 'PermenLH 5/2014' },
      },
      { id: 'cod', name: 'COD', unit: 'mg/L', measured: 250, limit: { max: 300 } },
      { id: 'ph', name: 'pH', measured: 5.2, limit: { range: { low: 6, high: 9 } } },
    ],
  },
  epi: { method: 'deviation', belowDetectionLimit: 'limit', weightsFrom: 'effluent-weights' },
  weights: {
    ahp: [
      {
        id: 'effluent-weights',
        items: ['bod', 'cod', 'ph'],
        matrix: [
          [1, 9, 1 / 9],
          [1 / 9, 1, 9],
          [9, 1 / 9, 1],
        ],
      },
    ],
    likert: [
      {
        id: 'hazard',
        items: ['bod', 'cod', 'ph'],
        scale: { min: 1, max: 5 },
        responses: [
          [5, 4, 2],
          [4, 4, 3],
          [5, 5, 2],
          [3, 3, 3],
          [4, 5, 1],
          [5, 4, 2],
        ],
      },
    ],
  },
  survey: [
    {
      name: `Awareness ${HOSTILE}`,
      scale: { min: 1, max: 5 },
      responses: [
        [4, 5, 4],
        [3, 4, 4],
        [5, 5, 4],
      ],
    },
  ],
  problems: [
    {
      id: 'water',
      title: `Too much soak water ${HOSTILE}`,
      causes: [
        { category: 'man', text: 'Operators fill tanks by eye' },
        { category: 'machine', text: 'Leaking valves' },
        { category: 'method', text: 'Soaking for 12 hours' },
        { category: 'material', text: 'Dirty soybeans need rinsing' },
        { category: 'environment', text: 'Hot weather <img src=x onerror=alert(1)>' },
        { category: 'measurement', text: 'No water meter' },
        { category: 'other', text: 'Habit & tradition' },
      ],
    },
    { id: 'energy', title: 'Energy use' },
  ],
  goals: [{ problem: 'water', goal: 'Use less water', target: '−30 % soak water' }],
  options: [
    {
      id: 'opt-a',
      name: `Water meter ${HOSTILE}`,
      problem: 'water',
      economics: {
        investment: [{ item: 'Meter', amount: 5_000_000 }],
        annualCosts: [{ item: 'Calibration', amount: 500_000 }],
        annualBenefits: [{ item: 'Water saved', amount: 3_000_000 }],
        life: 5,
        interestRate: 0.1,
      },
      sieve: { cost: 5_000_000, time: 1 },
      scores: { cost: 8, benefit: 6 },
      effects: {
        removal: { bod: 0.2 },
        inputChanges: { energy: -5 },
        waste: { before: 200, after: 150, unit: 'kg/h' },
      },
    },
    {
      id: 'opt-b',
      name: 'Counter-current soaking',
      problem: 'water',
      economics: {
        investment: [{ item: 'Tanks', amount: 20_000_000, quantity: 2 }],
        annualBenefits: [{ item: 'Water saved', amount: 12_000_000 }],
        life: 10,
        interestRate: 0.1,
        salvage: 2_000_000,
      },
      sieve: { cost: 40_000_000, time: { low: 6, high: 9 } },
      scores: { cost: 4, benefit: 9 },
    },
  ],
  screening: {
    sieve: [
      {
        problem: 'water',
        criteria: [
          { id: 'cost', name: 'Cost (Rp)', kind: 'max', cutoff: 30_000_000 },
          { id: 'time', name: 'Time (months)', kind: 'max', cutoff: 6 },
        ],
      },
    ],
    weightedSum: [
      {
        problem: 'water',
        criteria: [
          { id: 'cost', name: 'Cost', weight: 10 },
          { id: 'benefit', name: `Benefit ${HOSTILE}`, weight: 8 },
        ],
      },
    ],
  },
  decisionRule: 'npv',
  implementation: [
    {
      option: 'opt-a',
      goal: 'Use less water',
      target: '−30 %',
      action: 'Buy a meter',
      responsible: 'Plant manager',
      executor: `Purchasing ${HOSTILE}`,
      schedule: 'Jan 2026',
    },
    {
      option: 'opt-b',
      goal: 'Use less water',
      target: '−30 %',
      action: 'Build tanks',
      responsible: 'Plant manager',
      executor: 'Contractor',
      schedule: 'Mar 2026',
    },
  ],
};
