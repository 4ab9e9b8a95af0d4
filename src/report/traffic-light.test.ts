import { describe, expect, it } from 'vitest';
import { trafficLightEpi } from '../engine/epi/index.js';
import { bandLegend, renderTrafficLightSvg } from './traffic-light.js';

const epi = trafficLightEpi(
  [
    { name: 'BOD', weight: 0.421, level: 1.76 },
    { name: 'pH <acid>', weight: 0.137, level: 9.64 },
    { name: 'COD', weight: 0.442, level: 5 },
  ],
  { bands: { yellowFrom: 3, greenFrom: 8 } },
);

describe('renderTrafficLightSvg', () => {
  it('shows each parameter with its level and band in words', () => {
    const svg = renderTrafficLightSvg(epi, 'id');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('1,76 · merah');
    expect(svg).toContain('9,64 · hijau');
    expect(svg).toContain('5,00 · kuning');
    expect(svg).toContain('pH &lt;acid&gt;');
    expect(svg).not.toContain('<acid>');
  });
  it('writes the bands in the legend', () => {
    expect(bandLegend(epi, 'en')).toBe('red < 3 ≤ yellow < 8 ≤ green');
  });
});
