import type { Rng } from "../prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Business hours of the ground truth: Mon-Fri 08:00-18:00 Europe/Berlin. */
export const BUSINESS_HOURS = { timeZone: "Europe/Berlin", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], start: "08:00", end: "18:00" } as const;

const startOfUtcDay = (t: number): number => t - (t % DAY);

/**
 * A time inside business hours: a weekday between 07:00 and 15:59 UTC is 08:00-16:59 in Berlin in
 * winter (UTC+1) and 09:00-17:59 in summer (UTC+2), so it is inside hours in both, without a tz database.
 */
export function businessTime(rng: Rng, now: Date, windowStart: Date, maxDaysBack = 29): Date {
  for (;;) {
    const day = startOfUtcDay(now.getTime() - rng.int(0, maxDaysBack) * DAY);
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const t = day + 7 * HOUR + rng.int(0, 9 * HOUR - 1);
    if (t < now.getTime() - 5 * 60_000 && t > windowStart.getTime()) return new Date(t);
  }
}

export function anyTime(rng: Rng, now: Date, windowStart: Date): Date {
  return new Date(windowStart.getTime() + Math.floor(rng.next() * (now.getTime() - 5 * 60_000 - windowStart.getTime())));
}

/** The most recent Saturday before `now` (at least a day back) at the given UTC time. */
export function lastSaturdayAt(now: Date, utcHour: number, minute: number): Date {
  let day = startOfUtcDay(now.getTime() - DAY);
  while (new Date(day).getUTCDay() !== 6) day -= DAY;
  return new Date(day + utcHour * HOUR + minute * 60_000);
}

/** Local wall-clock parts in Europe/Berlin, for tests and ground truth. */
export function berlinParts(d: Date): { weekday: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: BUSINESS_HOURS.timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? "";
  return { weekday: get("weekday"), hour: Number(get("hour")), minute: Number(get("minute")) };
}

export const isBusinessHours = (d: Date): boolean => {
  const p = berlinParts(d);
  return (BUSINESS_HOURS.days as readonly string[]).includes(p.weekday) && p.hour >= 8 && p.hour < 18;
};
