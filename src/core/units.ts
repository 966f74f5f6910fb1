/**
 * Exact decimal arithmetic without building a Decimal per figure. A figure typed in a sheet (28.706)
 * means the shortest decimal that reads back as its double, and a figure with few decimals is a whole
 * number of its smallest unit (28706 thousandths). Sums, multiples and products of such figures are
 * whole numbers of a smaller unit, held exactly as a BigInt, and only rounded when they become the
 * double Excel gets. That is the answer decimal.js gives with enough digits to be exact, at a small
 * fraction of the cost (decimal.js builds each Decimal through a string). Figures with too many digits
 * (a third, 1e300) are left to decimal.js itself.
 */
import { Decimal } from "decimal.js";

/** 10^k for k = 0…22: each is exact as a double, so an exact integer over one is rounded once. */
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

// A decimal found below 2^51 units is the only one with that many places that reads back as the double
// (its places are at least two ulps apart), so it is the decimal decimal.js would read from the number.
const UNIQUE_BELOW = 2 ** 51;

// Products keep every decimal place, so a long compounding grows its numbers; past this many places
// decimal.js's rounding to 20 digits is the cheaper way (a 50-year uplift at 3 decimals needs 153).
const MAX_PLACES = 400;

/**
 * What the core's calculations need of an amount. decimal.js's Decimal has it, and so do Units, so a
 * calculation is written once and runs on either.
 */
export interface Amount<T> {
  /** The sign: -1 for negatives, else 1 (decimal.js's convention). */
  readonly s: number;
  /** This plus another amount, or plus a whole number. */
  plus(other: T | number): T;
  minus(other: T): T;
  /** This times another amount, or times a whole number. */
  times(factor: T | number): T;
  isZero(): boolean;
  toNumber(): number;
  toString(): string;
}

// Enough digits that rounding a quotient to them never changes which double is nearest: a quotient of a
// decimal of up to 20 digits by a whole number up to 12 that is not exactly halfway between two doubles
// is at least 1e-37 (relative) away from halfway.
const Precise = Decimal.clone({ precision: 40 });

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const bigPowers: bigint[] = [1n];

/** 10^k as a BigInt, kept once computed (k is at most MAX_PLACES plus a figure's places). */
function bigPower(k: number): bigint {
  for (let i = bigPowers.length; i <= k; i++) bigPowers.push(bigPowers[i - 1] * 10n);
  return bigPowers[k];
}

/** An exact decimal: `units × 10^-places`. */
export class Units implements Amount<Units> {
  constructor(
    readonly units: bigint,
    readonly places: number
  ) {}

  get s(): number {
    return this.units < 0n ? -1 : 1;
  }

  plus(other: Units | number): Units {
    const that = typeof other === "number" ? new Units(BigInt(other), 0) : other;
    if (that.places === this.places) return new Units(this.units + that.units, this.places);
    const places = Math.max(this.places, that.places);
    return new Units(this.scaledTo(places) + that.scaledTo(places), places);
  }

  minus(other: Units): Units {
    return this.plus(other.negated());
  }

  negated(): Units {
    return new Units(-this.units, this.places);
  }

  times(factor: Units | number): Units {
    return typeof factor === "number"
      ? new Units(this.units * BigInt(factor), this.places)
      : new Units(this.units * factor.units, this.places + factor.places);
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  /** The double nearest the exact amount (ties to even), as decimal.js's toNumber gives for it. */
  toNumber(): number {
    return nearestDouble(this.units, this.places, 1);
  }

  /** The decimal written out in full ("-0.05"), as in messages. */
  toString(): string {
    const digits = (this.units < 0n ? -this.units : this.units)
      .toString()
      .padStart(this.places + 1, "0");
    const whole = digits.slice(0, digits.length - this.places);
    const fraction = digits.slice(digits.length - this.places).replace(/0+$/, "");
    return `${this.units < 0n ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
  }

  /** The same amount as a Decimal. */
  toDecimal(): Decimal {
    return new Decimal(this.toString());
  }

  private scaledTo(places: number): bigint {
    return this.units * bigPower(places - this.places);
  }
}

/** log2 of a positive BigInt, give or take a few bits: enough to size a division. */
function roughLog2(value: bigint): number {
  const approximate = Number(value);
  return Number.isFinite(approximate) ? Math.log2(approximate) : value.toString(16).length * 4;
}

/**
 * The double nearest `units × 10^-places ÷ divisor`, rounded once. Small cases are one division of two
 * doubles that hold their integers exactly, which IEEE arithmetic rounds correctly; large ones divide
 * BigInts to 60-odd bits and keep a "sticky" last bit for any remainder, so converting the quotient to a
 * double rounds the way the exact value would.
 */
function nearestDouble(units: bigint, places: number, divisor: number): number {
  const denominator = divisor * (POWERS[places] ?? Infinity);
  if (denominator <= Number.MAX_SAFE_INTEGER && units >= -SAFE && units <= SAFE)
    return Number(units) / denominator;
  if (units === 0n) return 0;
  const magnitude = units < 0n ? -units : units;
  const shift = Math.round(66 - roughLog2(magnitude) + places * Math.log2(10) + Math.log2(divisor));
  // Beyond a double's normal range scaling by 2^-shift would lose bits: there decimal.js rounds.
  if (Math.abs(shift) > 960)
    return new Precise(new Units(units, places).toString()).dividedBy(divisor).toNumber();
  const exact = divisor === 1 ? bigPower(places) : bigPower(places) * BigInt(divisor);
  const numerator = shift > 0 ? magnitude << BigInt(shift) : magnitude;
  const scaled = shift < 0 ? exact << BigInt(-shift) : exact;
  let quotient = numerator / scaled;
  if (quotient * scaled !== numerator) quotient |= 1n;
  const value = Number(quotient) * 2 ** -shift;
  return units < 0n ? -value : value;
}

/**
 * The decimal places of the shortest decimal that reads back as `value` (28.706 → 3, 1200 → 0), or -1
 * when that decimal needs more digits than this exact arithmetic takes on (1/3, 1e300, NaN).
 */
export function placesOf(value: number): number {
  for (let places = 0; places < 16; places++) {
    const scaled = value * POWERS[places];
    if (!(Math.abs(scaled) < UNIQUE_BELOW)) return -1;
    if (Math.round(scaled) / POWERS[places] === value) return places;
  }
  return -1;
}

/** A figure as Units of its own places, or `null` when placesOf refuses it. */
function unitsOf(value: number): Units | null {
  const places = placesOf(value);
  return places < 0 ? null : new Units(BigInt(Math.round(value * POWERS[places])), places);
}

/**
 * Series of numbers as Units, or `null` when some figure has too many digits (use decimal.js then).
 * `compounding` is how many figures a calculation may multiply together; when that would keep more
 * than MAX_PLACES decimal places, `null` too.
 */
export function inUnits(series: readonly (readonly number[])[], compounding = 1): Units[][] | null {
  let places = 0;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const result: Units[][] = new Array(series.length);
  for (let s = 0; s < series.length; s++) {
    const values = series[s];
    // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
    const amounts: Units[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const units = unitsOf(values[i]);
      if (units === null) return null;
      places = Math.max(places, units.places);
      amounts[i] = units;
    }
    result[s] = amounts;
  }
  return places * compounding <= MAX_PLACES ? result : null;
}

/**
 * Runs `compute` on series of figures as exact amounts: Units when every figure fits them, else
 * Decimals. `compute` is written once for any Amount. Absent series stay absent; `compounding` is as
 * for inUnits.
 */
export function inAmounts<R>(
  figures: readonly (readonly number[] | undefined)[],
  compute: <T extends Amount<T>>(amounts: readonly (readonly T[] | undefined)[]) => R,
  compounding = 1
): R {
  const units = inUnits(
    figures.filter((values) => values !== undefined),
    compounding
  );
  if (units === null) return compute(figures.map((values) => values?.map((v) => new Decimal(v))));
  let next = 0;
  return compute(figures.map((values) => (values === undefined ? undefined : units[next++])));
}

/**
 * The exact sum of finite numbers, as decimal.js would add them. The validator's hot path: figures of
 * a table share few places, so they are added as whole units in plain doubles while the total stays
 * below 2^53, and only the total becomes a Decimal.
 */
export function exactSum(values: readonly number[]): Decimal {
  let places = 0;
  for (const value of values) {
    const p = placesOf(value);
    if (p < 0) return decimalSum(values);
    if (p > places) places = p;
  }
  let total = 0;
  let size = 0;
  for (const value of values) {
    // Rounds to the exact decimal's units: below 2^51 the double's error in the product is under a half.
    const units = Math.round(value * POWERS[places]);
    size += Math.abs(units);
    total += units;
  }
  if (!(size <= UNIQUE_BELOW)) return decimalSum(values);
  return new Units(BigInt(total), places).toDecimal();
}

function decimalSum(values: readonly number[]): Decimal {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}

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
    return dividend instanceof Units
      ? nearestDouble(dividend.units, dividend.places, divisor)
      : new Precise(dividend.toString()).dividedBy(divisor).toNumber();
  }

  /** The quotient to decimal.js's usual 20 significant digits ("1.5833333333333333333"). */
  toString(): string {
    return new Decimal(this.dividend.toString()).dividedBy(this.divisor).toString();
  }
}
