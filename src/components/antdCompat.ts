import { version } from 'antd';

/**
 * Props antd renamed between the two majors the chart runs on: antd 5 (Superset 4.1 to 6.1) and antd 6 (Superset
 * master). antd 6 takes Progress's rail colour as `railColor` and warns on `trailColor`; antd 5 knows only
 * `trailColor` and would hand an unknown `railColor` to the DOM. So the name follows the antd the chart got.
 */
const ANTD_MAJOR = Number(version.split('.')[0]);

export const progressRailColor = (color: string): { trailColor: string } | { railColor: string } =>
  ANTD_MAJOR >= 6 ? { railColor: color } : { trailColor: color };
