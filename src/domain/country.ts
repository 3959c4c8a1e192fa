import type { CrisisCountry } from '../privacy/crisis.js';

const canadianZones = new Set([
  'America/Toronto',
  'America/Vancouver',
  'America/Edmonton',
  'America/Winnipeg',
  'America/Halifax',
  'America/St_Johns',
  'America/Regina',
  'America/Montreal',
  'America/Moncton',
  'America/Whitehorse',
  'America/Yellowknife',
  'America/Iqaluit',
  'Canada/Eastern',
  'Canada/Pacific',
  'Canada/Central',
  'Canada/Mountain',
  'Canada/Atlantic',
]);
const ukZones = new Set(['Europe/London', 'Europe/Belfast', 'GB', 'GB-Eire']);

/**
 * Which crisis line to give, from the Slack profile's time zone: the best signal Slack offers
 * without asking. US and Canada share 988, so a wrong guess between them still gives a working line.
 */
export function crisisCountryForTimeZone(timeZone: string | undefined): CrisisCountry {
  if (!timeZone) return 'OTHER';
  if (ukZones.has(timeZone)) return 'UK';
  if (canadianZones.has(timeZone)) return 'CA';
  if (timeZone.startsWith('America/') || timeZone.startsWith('US/') || timeZone === 'Pacific/Honolulu')
    return 'US';
  return 'OTHER';
}
