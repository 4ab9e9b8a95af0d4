import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { deviationEpi } from '../epi/deviation-epi.js';
import { trafficLightEpi } from '../epi/traffic-light-epi.js';
import {
  deviationEpiOverTime,
  monitoringPeriodMeans,
  trafficLightEpiOverTime,
  type DeviationEpiOverTimeParameter,
  type PeriodMeans,
  type TrafficLightEpiOverTimeParameter,
} from './epi-over-time.js';
import { createMonitoringAccumulator } from './monitoring-accumulator.js';

// Case A Tabel II (CV. ABC): weights and standards; pH as an upper limit 9, as the paper does.
const caseA: DeviationEpiOverTimeParameter[] = [
  { id: 'bod', weight: 4.1, standard: 30 },
  { id: 'cod', weight: 4.565, standard: 50 },
  { id: 'tss', weight: 4.03, standard: 50 },
  { id: 'oil', weight: 4.565, standard: 10 },
  { id: 'ph', weight: 4.065, standard: 9 },
];
const caseAMeans = { bod: 17.5, cod: 61.4, tss: 38, oil: 12, ph: 7.65 };

const withMeans = (means: Record<string, number>) =>
  caseA.map((p) => ({ ...p, measured: means[p.id] as number }));

describe('deviationEpiOverTime', () => {
  it('gives Case A’s EPI 1.3315 for a month whose means are Tabel II’s measurements', () => {
    const [month] = deviationEpiOverTime([{ period: '2024-01', means: caseAMeans }], caseA);
    expectSignificant(month?.epi?.total as number, 1.3315, 4);
    expect(month?.missing).toEqual([]);
  });

  it('equals deviationEpi on the same means, period by period', () => {
    const mean = fc.double({ min: 0, max: 200, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ bod: mean, cod: mean, tss: mean, oil: mean, ph: mean }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom<'limit' | 'half' | 'zero'>('limit', 'half', 'zero'),
        (months, policy) => {
          const periods = months.map((means, i) => ({ period: `2024-${i + 1}`, means }));
          const overTime = deviationEpiOverTime(periods, caseA, { belowDetectionLimit: policy });
          overTime.forEach((p, i) => {
            expect(p.period).toBe(periods[i]?.period);
            expect(p.epi).toEqual(
              deviationEpi(withMeans(months[i] as Record<string, number>), {
                belowDetectionLimit: policy,
              }),
            );
          });
        },
      ),
    );
  });

  it('leaves the EPI of a period without a parameter’s mean undefined and names the parameter', () => {
    const [full, gap] = deviationEpiOverTime(
      [
        { period: '2024-01', means: caseAMeans },
        { period: '2024-02', means: { ...caseAMeans, cod: undefined, ph: undefined } },
      ],
      caseA,
    );
    expect(full?.epi).toBeDefined();
    expect(gap).toEqual({ period: '2024-02', epi: undefined, missing: ['cod', 'ph'] });
  });

  it('computes the EPI of each day of a monitoring stream from its daily means', () => {
    const accumulator = createMonitoringAccumulator({
      parameters: [{ id: 'cod' }, { id: 'tss' }],
      utcOffsetMinutes: 420,
    });
    const day = 86_400_000;
    const t0 = Date.UTC(2024, 1, 29, 17); // 2024-03-01 00:00 WIB
    accumulator.add(t0, [40, 30]);
    accumulator.add(t0 + 60_000, [60, 50]); // day 1: COD 50, TSS 40
    accumulator.add(t0 + 2 * day, [80, 20]); // day 2 has no readings; day 3: COD 80, TSS 20
    const periods = monitoringPeriodMeans(accumulator.result(), 'day');
    expect(periods).toEqual([
      { period: '2024-03-01', means: { cod: 50, tss: 40 } },
      { period: '2024-03-02', means: { cod: undefined, tss: undefined } },
      { period: '2024-03-03', means: { cod: 80, tss: 20 } },
    ]);
    const parameters = [
      { id: 'cod', weight: 2, standard: 100 },
      { id: 'tss', weight: 1, standard: 60 },
    ];
    const overTime = deviationEpiOverTime(periods, parameters);
    expect(overTime[0]?.epi).toEqual(
      deviationEpi([
        { ...parameters[0], measured: 50 },
        { ...parameters[1], measured: 40 },
      ] as never),
    );
    expect(overTime[0]?.epi?.total).toBeCloseTo(2 * 0.5 + 1 / 3, 14);
    expect(overTime[1]?.missing).toEqual(['cod', 'tss']);
    expect(overTime[2]?.epi?.total).toBeCloseTo(2 * 0.2 + 2 / 3, 14);
    expect(monitoringPeriodMeans(accumulator.result(), 'month')).toEqual([
      { period: '2024-03', means: { cod: 60, tss: 100 / 3 } },
    ]);
  });

  it('names the field of a bad mean, standard or id', () => {
    expect(() =>
      deviationEpiOverTime(
        [
          { period: '2024-01', means: caseAMeans },
          { period: '2024-02', means: { ...caseAMeans, cod: Infinity } },
        ],
        caseA,
      ),
    ).toThrow('periods[1].means.cod: must be a finite number, got Infinity');
    expect(() =>
      deviationEpiOverTime(
        [{ period: '2024-01', means: caseAMeans }],
        [{ id: 'bod', weight: 1, standard: 0 }],
      ),
    ).toThrow('parameters[0].standard: must be > 0, got 0');
    expect(() =>
      deviationEpiOverTime(
        [],
        [
          { id: 'bod', weight: 1, standard: 30 },
          { id: 'bod', weight: 1, standard: 30 },
        ],
      ),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE', field: 'parameters[1].id' }));
    expect(() =>
      deviationEpiOverTime([{ period: '', means: {} }], [{ id: 'bod', weight: 1, standard: 30 }]),
    ).toThrow(/^periods\[0\]\.period:/);
  });

  it('returns only finite numbers or a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(
            fc.record({
              period: fc.constantFrom('2024-01', '', 5),
              means: fc.oneof(nastyValue, fc.record({ bod: nastyValue, cod: nastyNumber })),
            }),
            { maxLength: 3 },
          ),
        ),
        fc.oneof(
          nastyValue,
          fc.array(
            fc.record({
              id: fc.constantFrom('bod', 'cod', ''),
              weight: nastyValue,
              standard: nastyValue,
            }),
            { maxLength: 3 },
          ),
        ),
        (periods, parameters) => {
          expectFiniteOrGpError(() =>
            deviationEpiOverTime(
              periods as PeriodMeans[],
              parameters as DeviationEpiOverTimeParameter[],
            ),
          );
        },
      ),
    );
  });
});

describe('trafficLightEpiOverTime', () => {
  // A lower-is-better scale: 400 mg/L worst, 100 the wastewater limit (level 3), 20 level 8, 0 target.
  const parameters: TrafficLightEpiOverTimeParameter[] = [
    {
      id: 'cod',
      weight: 0.6,
      scale: {
        anchors: [
          { level: 0, value: 400 },
          { level: 3, value: 100 },
          { level: 8, value: 20 },
          { level: 10, value: 0 },
        ],
      },
    },
    {
      id: 'ph',
      weight: 0.4,
      scale: {
        ideal: 7,
        anchors: [
          { level: 0, value: 4 },
          { level: 3, value: 2 },
          { level: 10, value: 0 },
        ],
      },
    },
  ];

  it('equals trafficLightEpi on the same means, period by period', () => {
    const months: PeriodMeans[] = [
      { period: '2024-01', means: { cod: 100, ph: 9 } },
      { period: '2024-02', means: { cod: 60, ph: 7.5 } },
    ];
    const overTime = trafficLightEpiOverTime(months, parameters);
    months.forEach((m, i) => {
      expect(overTime[i]?.epi).toEqual(
        trafficLightEpi(parameters.map((p) => ({ ...p, measured: m.means[p.id] as number }))),
      );
    });
    // January: COD at the limit (level 3), pH 2 from the ideal (level 3): EPI 3, yellow.
    expect(overTime[0]?.epi?.total).toBeCloseTo(3, 12);
    expect(overTime[0]?.epi?.band).toBe('yellow');
  });
});
