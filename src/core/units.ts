/**
 * Exact decimal sums without building a Decimal per figure. A figure typed in a sheet (28.706) means the
 * shortest decimal that reads back as its double, and figures with few decimals add up exactly as
 * whole numbers of their smallest unit (28706 thousandths) while every total stays below 2^53, where
 * integer arithmetic on doubles is exact. Where that holds, the answers are the decimal.js answers at a
 * small fraction of the cost (decimal.js builds each Decimal through a string); where it does not (a
 * third, 1e300), callers use decimal.js.
 */
import { Decimal } from "decimal.js";

/** 10^k for k = 0…15: every one is exact as a double, so `units / 10^k` is correctly rounded. */
const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

// A decimal found below 2^51 units is the only one with that many places that reads back as the double
// (its places are at least two ulps apart), so it is the decimal decimal.js would read from the number.
const UNIQUE_BELOW = 2 ** 51;

/**
 * What the core's sums need of an amount. decimal.js's Decimal has it, and so does Units, so a sum is
 * written once and runs on either.
 */
export interface Amount<T> {
  /** The sign: -1 for negatives and -0, else 1 (decimal.js's convention). */
  readonly s: number;
  plus(other: T): T;
  minus(other: T): T;
  /** This amount times a whole number. */
  times(factor: number): T;
  isZero(): boolean;
  toNumber(): number;
  toString(): string;
}

/** An exact decimal held as a whole number of units of `10^-places`; every amount in one sum shares `places`. */
export class Units implements Amount<Units> {
  constructor(
    /** A safe integer: the amount in units of `10^-places`. */
    readonly units: number,
    readonly places: number
  ) {}

  get s(): number {
    return this.units < 0 || Object.is(this.units, -0) ? -1 : 1;
  }

  plus(other: Units): Units {
    return new Units(this.units + other.units, this.places);
  }

  minus(other: Units): Units {
    return new Units(this.units - other.units, this.places);
  }

  /** Exact while the product stays a safe integer: inUnits' `headroom` is there to promise that. */
  times(factor: number): Units {
    return new Units(this.units * factor, this.places);
  }

  isZero(): boolean {
    return this.units === 0;
  }

  /** The nearest double, as decimal.js's toNumber gives for the same decimal. */
  toNumber(): number {
    return this.units / POWERS[this.places];
  }

  /** The decimal written out in full ("-0.05"), as in messages. */
  toString(): string {
    const digits = String(Math.abs(this.units)).padStart(this.places + 1, "0");
    const whole = digits.slice(0, digits.length - this.places);
    const fraction = digits.slice(digits.length - this.places).replace(/0+$/, "");
    return `${this.s < 0 && this.units !== 0 ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
  }

  /** The same amount as a Decimal. */
  toDecimal(): Decimal {
    return new Decimal(this.places === 0 ? this.units : `${this.units}e-${this.places}`);
  }
}

/**
 * The decimal places of the shortest decimal that reads back as `value` (28.706 → 3, 1200 → 0), or -1
 * when that decimal needs more digits than integer arithmetic holds exactly (1/3, 1e300, NaN).
 */
export function placesOf(value: number): number {
  for (let places = 0; places < POWERS.length; places++) {
    const scaled = value * POWERS[places];
    if (!(Math.abs(scaled) < UNIQUE_BELOW)) return -1;
    if (Math.round(scaled) / POWERS[places] === value) return places;
  }
  return -1;
}

/**
 * Series of numbers as Units sharing one number of places, or `null` when some figure has too many
 * digits or the figures together could reach 2^53 units (then a sum might not be exact: use decimal.js).
 * `headroom` is how many times larger than the sum of every figure's size a result may grow (a caller
 * multiplying figures by up to 12 passes 12).
 */
export function inUnits(series: readonly (readonly number[])[], headroom = 1): Units[][] | null {
  let places = 0;
  for (const values of series)
    for (const value of values) {
      const p = placesOf(value);
      if (p < 0) return null;
      if (p > places) places = p;
    }
  const scale = POWERS[places];
  let size = 0;
  const result: Units[][] = new Array(series.length);
  for (let s = 0; s < series.length; s++) {
    const values = series[s];
    const amounts: Units[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      // Rounds to the exact decimal's units: below 2^51 the double's error in the product is under a half.
      const units = Math.round(values[i] * scale);
      if (!(Math.abs(units) < UNIQUE_BELOW)) return null;
      size += Math.abs(units);
      amounts[i] = new Units(units, places);
    }
    result[s] = amounts;
  }
  return size * headroom <= Number.MAX_SAFE_INTEGER ? result : null;
}

/** The exact sum of finite numbers, as decimal.js would add them. */
export function exactSum(values: readonly number[]): Decimal {
  const units = inUnits([values]);
  if (units !== null) {
    let total = 0;
    for (const amount of units[0]) total += amount.units;
    return new Units(total, units[0][0]?.places ?? 0).toDecimal();
  }
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}

/**
 * Runs `compute` on series of figures as exact amounts: Units when every figure fits whole units, else
 * Decimals. `compute` is written once for any Amount, so both give the same answer; Units only save
 * building a Decimal per figure. Absent series stay absent.
 */
export function inAmounts<R>(
  figures: readonly (readonly number[] | undefined)[],
  compute: <T extends Amount<T>>(amounts: readonly (readonly T[] | undefined)[]) => R,
  headroom = 1
): R {
  const units = inUnits(
    figures.filter((values) => values !== undefined),
    headroom
  );
  if (units === null) return compute(figures.map((values) => values?.map((v) => new Decimal(v))));
  let next = 0;
  return compute(figures.map((values) => (values === undefined ? undefined : units[next++])));
}

// Enough digits that rounding a quotient to them never changes which double is nearest: a quotient of a
// decimal of up to 20 digits by a whole number up to 12 that is not exactly halfway between two doubles
// is at least 1e-37 (relative) away from halfway.
const Precise = Decimal.clone({ precision: 40 });

/**
 * An exact amount divided by a whole number, kept as the pair so that the only rounding is the last one,
 * to the double Excel gets: the same double whether the amount is in Units or a Decimal.
 */
export class Quotient<T extends Amount<T>> {
  constructor(
    readonly dividend: T,
    readonly divisor: number
  ) {}

  /** The double nearest the exact quotient. */
  toNumber(): number {
    const { dividend, divisor } = this;
    // One division of two exact integers, which IEEE arithmetic rounds correctly.
    if (dividend instanceof Units && divisor * POWERS[dividend.places] <= Number.MAX_SAFE_INTEGER)
      return dividend.units / (divisor * POWERS[dividend.places]);
    return new Precise(dividend.toString()).dividedBy(divisor).toNumber();
  }

  /** The quotient to decimal.js's usual 20 significant digits ("1.5833333333333333333"). */
  toString(): string {
    return new Decimal(this.dividend.toString()).dividedBy(this.divisor).toString();
  }
}
