/**
 * The model behind one generated trip. Every row is a pure function of (seed, row index): its own random
 * stream decides whether it repeats an earlier row (about 0.5%, an exact copy) or is drawn afresh —
 * calendar day and hour, zones, distance, speed, rate code, fare and surcharges, payment and tip.
 * Amounts are computed in whole cents, so the dollar values carry no float noise and the total is exact.
 */

import { SeededRandom } from "@tablepipe/models";
import { MS_PER_DAY, tripCalendar } from "./calendar";
import { Discrete, Quantiles } from "./distributions";
import { AIRPORT_ZONE_IDS, zoneCatalog } from "./zone-catalog";
import { zonePopularity } from "./zone-popularity";

// Imported constants copied into module constants: read once per row, they stay plain values.
const DAY_MS = MS_PER_DAY;
const JFK = AIRPORT_ZONE_IDS.jfk;
const LGA = AIRPORT_ZONE_IDS.laGuardia;
const EWR = AIRPORT_ZONE_IDS.newark;

/** Share of rows that are exact copies of an earlier row. */
export const DUPLICATE_SHARE = 0.005;
/** A duplicate copies one of this many rows before it. */
const DUPLICATE_LOOKBACK = 100_000;

/** Pickups by hour of the day (0-23) on weekdays: a morning peak and a stronger evening peak. */
const WEEKDAY_HOURS = new Discrete([
  2.6, 1.5, 1.0, 0.7, 0.7, 0.9, 2.2, 3.9, 4.8, 4.7, 4.3, 4.3, 4.4, 4.4, 4.6, 4.6, 4.5, 5.3, 6.4, 6.6, 6.0,
  5.7, 5.2, 4.0,
]);
/** Pickups by hour on Saturdays and Sundays: late nights, a late and flat day. */
const WEEKEND_HOURS = new Discrete([
  5.4, 4.6, 3.6, 2.7, 1.8, 1.0, 0.9, 1.3, 2.0, 2.9, 3.7, 4.3, 4.7, 4.8, 4.8, 4.8, 4.8, 5.0, 5.4, 5.4, 5.1,
  5.2, 5.4, 5.4,
]);
/** Typical speed (mph) in the city by hour of the day. */
const SPEED_BY_HOUR = [
  15, 15.5, 16, 16, 16, 14.5, 12, 9.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8, 8, 8, 8, 8.5, 10, 11, 12, 12.5, 13.5,
];

/** Distance (miles) of a trip within the city, before the outer-borough factor. */
const CITY_MILES = new Quantiles([
  [0, 0.1],
  [0.05, 0.4],
  [0.25, 0.8],
  [0.5, 1.35],
  [0.75, 2.4],
  [0.9, 4.6],
  [0.97, 8.5],
  [0.995, 16],
  [1, 30],
]);
const JFK_MILES = new Quantiles([
  [0, 9],
  [0.1, 14],
  [0.5, 17.5],
  [0.9, 21],
  [1, 28],
]);
const LGA_MILES = new Quantiles([
  [0, 4],
  [0.1, 7],
  [0.5, 9.8],
  [0.9, 13],
  [1, 20],
]);
const EWR_MILES = new Quantiles([
  [0, 11],
  [0.1, 15],
  [0.5, 18],
  [0.9, 22],
  [1, 35],
]);

/** Passengers 0..6 (0 is a real, if odd, value in TLC data). */
const PASSENGERS = new Discrete([0.8, 71, 14.5, 4.1, 1.9, 4.5, 2.8]);
/** Bridge and tunnel tolls in cents: mostly $5.76. */
const TOLL_CENTS = [576, 264, 1050, 1250, 800];
const TOLLS = new Discrete([88, 3, 4, 3, 2]);
/** The card screen's preset tips. */
const PRESET_PERCENT = [0.2, 0.25, 0.3];
const PRESETS = new Discrete([70, 20, 10]);
/** Dollars added on top of rounding the total up to a whole dollar. */
const ROUND_UP_DOLLARS = [0, 1, 2, 3, 5];
const ROUND_UPS = new Discrete([45, 35, 13, 5, 2]);

/** Rate codes, as the TLC numbers them. */
const RATE = { standard: 1, jfk: 2, newark: 3, nassau: 4, negotiated: 5 } as const;
/** Payment types, as the TLC numbers them. */
const PAY = { card: 1, cash: 2, noCharge: 3, dispute: 4 } as const;

/**
 * Generates trip rows one at a time into its public fields (no allocation per row).
 * @example const s = new TripSynthesizer(42); s.generate(0); s.fareCents // e.g. 950
 */
export class TripSynthesizer {
  private readonly rng: SeededRandom;
  private readonly boroughs: readonly string[];
  private readonly pickups = zonePopularity().pickup;
  private readonly dropoffs = zonePopularity().dropoff;
  private readonly calendar = tripCalendar();

  vendorId = 0;
  pickupMs = 0;
  dropoffMs = 0;
  passengerCount = 0;
  distanceHundredths = 0;
  rateCode = 0;
  storeAndForwardY = false;
  paymentType = 0;
  fareCents = 0;
  extraCents = 0;
  mtaTaxCents = 0;
  tipCents = 0;
  tollsCents = 0;
  surchargeCents = 0;
  pickupZone = 0;
  dropoffZone = 0;

  constructor(seed: number) {
    this.rng = new SeededRandom(seed);
    this.boroughs = zoneCatalog().map((z) => z.borough);
  }

  /** Total charged, tip included, in cents. */
  get totalCents(): number {
    return (
      this.fareCents +
      this.extraCents +
      this.mtaTaxCents +
      this.tipCents +
      this.tollsCents +
      this.surchargeCents
    );
  }

  /** Fill the fields with row `index`: an exact copy of an earlier row, or a fresh trip. */
  generate(index: number): void {
    const rng = this.rng;
    let row = index;
    for (;;) {
      rng.seekRow(row);
      const u = rng.nextFloat();
      if (row === 0 || u >= DUPLICATE_SHARE) break;
      row = row - 1 - rng.nextInt(Math.min(row, DUPLICATE_LOOKBACK));
    }
    this.fresh();
  }

  private fresh(): void {
    const rng = this.rng;
    // when
    const dayIndex = this.calendar.distribution.pick(rng.nextFloat());
    const day = this.calendar.days[dayIndex] as number;
    const weekday = this.calendar.weekdays[dayIndex] as number;
    const weekend = weekday === 0 || weekday === 6;
    const hour = (weekend ? WEEKEND_HOURS : WEEKDAY_HOURS).pick(rng.nextFloat());
    this.pickupMs = day * DAY_MS + (hour * 3600 + rng.nextInt(3600)) * 1000;
    // who and where
    this.vendorId = rng.nextFloat() < 0.43 ? 1 : 2;
    this.passengerCount = PASSENGERS.pick(rng.nextFloat());
    this.storeAndForwardY = this.vendorId === 1 && rng.nextFloat() < 0.012;
    const puZone = this.pickups.pick(rng.nextFloat()) + 1;
    const doZone = this.dropoffs.pick(rng.nextFloat()) + 1;
    this.pickupZone = puZone;
    this.dropoffZone = doZone;
    const jfk = puZone === JFK || doZone === JFK;
    const lga = puZone === LGA || doZone === LGA;
    const ewr = puZone === EWR || doZone === EWR;
    // how far and how long
    let miles: number;
    const u = rng.nextFloat();
    if (ewr) miles = EWR_MILES.at(u);
    else if (jfk) miles = JFK_MILES.at(u);
    else if (lga) miles = LGA_MILES.at(u);
    else {
      miles = CITY_MILES.at(u) * this.boroughFactor(puZone, doZone);
      if (rng.nextFloat() < 0.004) miles = 0;
    }
    const step = this.vendorId === 1 ? 10 : 1; // vendor 1 reports tenths of a mile, vendor 2 hundredths
    this.distanceHundredths = Math.round((miles * 100) / step) * step;
    miles = this.distanceHundredths / 100;
    const mph = SPEED_BY_HOUR[hour] as number;
    const speed =
      mph * (weekend ? 1.12 : 1) * (1 + Math.min(1.4, miles / 10)) * (1 + 0.18 * rng.nextNormal());
    const seconds = Math.round((miles / speed) * 3600 + 30 + 150 * rng.nextFloat());
    this.dropoffMs = this.pickupMs + seconds * 1000;
    // rate and fare
    const manhattanEnd =
      this.boroughs[puZone - 1] === "Manhattan" || this.boroughs[doZone - 1] === "Manhattan";
    const r = rng.nextFloat();
    if (jfk && r < (manhattanEnd ? 0.9 : 0.3)) this.rateCode = RATE.jfk;
    else if (ewr && r < 0.75) this.rateCode = RATE.newark;
    else if (!jfk && !ewr && r < 0.003) this.rateCode = RATE.negotiated;
    else if (!jfk && !ewr && r < 0.0035) this.rateCode = RATE.nassau;
    else this.rateCode = RATE.standard;
    const slowMinutes = Math.max(0, seconds / 60 - miles * 4); // below 15 mph the meter runs on time
    const meterCents = 250 + 250 * miles + 50 * slowMinutes;
    this.fareCents = this.fare(meterCents);
    const rush = !weekend && hour >= 16 && hour < 20;
    const night = hour >= 20 || hour < 6;
    if (this.rateCode === RATE.jfk) this.extraCents = rush ? 450 : 0;
    else if (this.rateCode === RATE.negotiated) this.extraCents = 0;
    else this.extraCents = rush ? 100 : night ? 50 : 0;
    const untaxed = this.rateCode === RATE.negotiated || this.rateCode === RATE.nassau;
    this.mtaTaxCents = untaxed || rng.nextFloat() < 0.002 ? 0 : 50;
    this.surchargeCents = 30;
    const tollChance = ewr ? 0.9 : jfk || lga ? 0.35 : miles > 4 ? 0.12 : 0.02;
    if (rng.nextFloat() < tollChance) {
      this.tollsCents = ewr ? 1500 : (TOLL_CENTS[TOLLS.pick(rng.nextFloat())] as number);
    } else this.tollsCents = 0;
    // payment and tip
    const p = rng.nextFloat();
    const cardShare = 0.62 + Math.min(0.22, this.fareCents * 0.00005);
    this.paymentType =
      p < cardShare ? PAY.card : p < 0.993 ? PAY.cash : p < 0.9985 ? PAY.noCharge : PAY.dispute;
    this.tipCents = 0;
    if (this.paymentType === PAY.card) this.tipCents = this.tip(night);
    else if (this.paymentType !== PAY.cash && rng.nextFloat() < 0.15) this.negateAmounts();
  }

  /** Outer-borough trips are longer than Manhattan ones. */
  private boroughFactor(puZone: number, doZone: number): number {
    const a = this.boroughs[puZone - 1];
    const b = this.boroughs[doZone - 1];
    const outerA = a !== "Manhattan" && a !== "Unknown";
    const outerB = b !== "Manhattan" && b !== "Unknown";
    if (outerA && outerB) return puZone === doZone ? 1 : 1.3;
    return outerA || outerB ? 1.6 : 1;
  }

  /** The fare in cents for the rate code: metered in $0.50 steps, flat to JFK, plus Newark's surcharge. */
  private fare(meterCents: number): number {
    const metered = Math.max(250, Math.round(meterCents / 50) * 50);
    switch (this.rateCode) {
      case RATE.jfk:
        return 5200;
      case RATE.newark:
        return metered + 1750;
      case RATE.nassau:
        return Math.round((metered * 1.5) / 50) * 50;
      case RATE.negotiated:
        return Math.ceil(metered / 500) * 500 + 500 * this.rng.nextInt(4);
      default:
        return metered;
    }
  }

  /** A card tip in cents: none, a screen preset, a custom percentage, a rounded-up total, or a generous one. */
  private tip(night: boolean): number {
    const rng = this.rng;
    const base = this.fareCents + this.extraCents + this.mtaTaxCents + this.surchargeCents + this.tollsCents;
    const style = rng.nextFloat();
    if (style < 0.05) return 0;
    if (style < 0.57) return Math.round(base * (PRESET_PERCENT[PRESETS.pick(rng.nextFloat())] as number));
    if (style < 0.8) {
      const percent = Math.min(0.45, Math.max(0.03, 0.15 + (night ? 0.02 : 0) + 0.05 * rng.nextNormal()));
      return Math.max(100, Math.round((base * percent) / 100) * 100);
    }
    if (style < 0.98) {
      const target =
        Math.ceil(base / 100) * 100 + 100 * (ROUND_UP_DOLLARS[ROUND_UPS.pick(rng.nextFloat())] as number);
      const tip = target - base;
      return tip < 25 ? tip + 100 : tip;
    }
    if (base > 1500 && base < 4000 && rng.nextFloat() < 0.5) return rng.nextFloat() < 0.7 ? 1000 : 2000;
    return Math.round(base * (0.35 + 0.55 * rng.nextFloat()));
  }

  /** A refund record: the charges with a minus sign (no-charge and disputed trips only). */
  private negateAmounts(): void {
    // 0 - x, not -x: a zero stays +0 (no -0 in the output)
    this.fareCents = 0 - this.fareCents;
    this.extraCents = 0 - this.extraCents;
    this.mtaTaxCents = 0 - this.mtaTaxCents;
    this.tollsCents = 0 - this.tollsCents;
    this.surchargeCents = 0 - this.surchargeCents;
  }
}
