/** Dutch names of the deadline engine's dates (the bibob service computes them). */
export const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  uitersteBeslisdatum: 'Uiterste beslisdatum',
  lbbAdviesUiterlijk: 'LBB-advies uiterlijk',
};
