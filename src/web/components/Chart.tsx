/**
 * An ECharts chart from the same option the report draws as SVG (src/report/charts.ts), so
 * the app and the report show one picture. SVG renderer: crisp, printable, selectable text.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { drawableChartOption } from '../../report/charts.js';

export function Chart(props: {
  readonly option: EChartsOption;
  readonly height?: number;
  readonly label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...drawableChartOption(props.option), animation: false }, true);
  }, [props.option]);

  return (
    <div
      ref={ref}
      className="chart"
      role="img"
      aria-label={props.label}
      style={{ height: props.height ?? 320 }}
    />
  );
}
