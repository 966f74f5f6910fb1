/**
 * Exact decimal arithmetic without building a Decimal per figure. A figure typed in a sheet (28.706)
 * means the shortest decimal that reads back as its double, and a figure with few decimals is a whole
 * number of its smallest unit (28706 thousandths). Sums, multiples and products of such figures are
 * whole numbers of a smaller unit, held exactly as a BigInt, and only rounded when they become the
 * double Excel gets. That is the answer decimal.js gives with enough digits to be exact, at a small
 * fraction of the cost (decimal.js builds each Decimal through a string).
 *
 * Every finite figure is such a decimal, but a long compounding of figures with many digits makes whole
 * numbers too long to multiply quickly. Past a budget the same calculation runs on Bounds, pairs of
 * amounts cut to 128 bits, rounded down and up, that hold the exact answer between them; when both round
 * to the same double, that double is the exact answer's, and when they do not (the exact answer is within
 * about 2^-120 of halfway between two doubles) the calculation is run again in whole units, however long.
 */
import { Decimal } from "decimal.js";

/** 10^k for k = 0…22: each is exact as a double, so an exact integer over one is rounded once. */
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

// A decimal found below 2^51 units is the only one with that many places that reads back as the double
// (its places are at least two ulps apart), so it is the decimal decimal.js would read from the number.
const UNIQUE_BELOW = 2 ** 51;

// Products keep every digit, so a long compounding grows its whole numbers: a calculation whose figures
// span W digits (from the largest figure's first digit to the smallest place any figure has) and that
// multiplies k of them together keeps at most about k × W digits. Up to this many, whole units answer a
// 50-year series in well under a millisecond (measured in bench/functions.ts); past it, Bounds do. A
// 50-year uplift or cost (51 factors) stays in whole units while its figures span 49 digits: rates to
// 10 places on amounts below 10^39, or to 15 places below 10^34.
const EXACT_DIGITS = 2500;

// Bits Bounds keep of each end (about 38 significant digits): enough that they only fail to settle a
// double when the exact answer is within about 2^-120 (relative) of halfway between two doubles.
const BOUNDS_BITS = 128;
const BOUNDS_DIGITS = Math.ceil(BOUNDS_BITS * Math.log10(2));
const BOUNDS_LIMIT = 2n ** BigInt(BOUNDS_BITS);

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

/** 5^k as a BigInt, for the powers of ten a conversion divides by. */
const FIVES = Array.from({ length: 64 }, (_, k) => 5n ** BigInt(k));
/** 5^(64k) for k = 0…40, so 5^p for any p up to 2560 (past EXACT_DIGITS) is one product of two entries. */
const FIVES_BY_64 = Array.from({ length: 41 }, (_, k) => 5n ** BigInt(64 * k));

function fiveTo(k: number): bigint {
  const high = FIVES_BY_64[k >> 6];
  return high === undefined ? 5n ** BigInt(k) : high * FIVES[k & 63];
}

/** 10^k for k = 0…64 as BigInts: a fixed table. */
const BIG_POWERS = Array.from({ length: 65 }, (_, k) => 10n ** BigInt(k));

/** 10^k as a BigInt: from the table when small, else worked out (nothing is kept between calls). */
function tenTo(k: number): bigint {
  return k < BIG_POWERS.length ? BIG_POWERS[k] : 10n ** BigInt(k);
}

/** An exact decimal: `units × 10^-places` (places below 0 for whole tens, hundreds, … : 2e300). */
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
    if (this.places < 0) return `${this.units}${"0".repeat(this.units === 0n ? 0 : -this.places)}`;
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
    return this.units * tenTo(places - this.places);
  }
}

/** About log2 of a positive BigInt (to a small fraction of a bit): enough to start roundedQuotient. */
function roughBits(value: bigint): number {
  const approximate = Number(value);
  if (Number.isFinite(approximate)) return Math.log2(approximate);
  // Past 2^1024 a double is Infinity: keep the top 64 bits or so, and count the rest.
  const dropped = value.toString(16).length * 4 - 64;
  return Math.log2(Number(value >> BigInt(dropped))) + dropped;
}

const TWO_52 = 2n ** 52n;
const TWO_53 = 2n ** 53n;

/**
 * The double nearest `numerator ÷ denominator × 2^scale` (numerator and denominator positive), ties to
 * even, exactly as IEEE rounding of the exact value would give it, subnormals and overflow included.
 * The quotient is worked out to the double's last bit (53 bits, or fewer below 2^-1022) and the
 * remainder decides the rounding.
 */
function roundedQuotient(numerator: bigint, denominator: bigint, scale: number): number {
  // floor(log2) of the value; the estimate may be off by one or two, which the loop corrects.
  let exponent = Math.floor(roughBits(numerator) - roughBits(denominator)) + scale;
  for (;;) {
    // The weight of the last bit a double with this exponent keeps.
    const last = Math.max(exponent - 52, -1074);
    const shift = scale - last;
    const n = shift > 0 ? numerator << BigInt(shift) : numerator;
    const d = shift < 0 ? denominator << BigInt(-shift) : denominator;
    let quotient = n / d;
    if (quotient >= TWO_53) exponent++;
    else if (quotient < TWO_52 && last > -1074) exponent--;
    else {
      const twice = (n - quotient * d) * 2n;
      if (twice > d || (twice === d && (quotient & 1n) === 1n)) quotient++;
      // quotient ≤ 2^53 is held exactly, and times a power of two it is the rounded value (or Infinity).
      return Number(quotient) * 2 ** last;
    }
  }
}

/**
 * The double nearest `units × 10^-places ÷ divisor`, rounded once. Small cases are one division of two
 * doubles that hold their integers exactly, which IEEE arithmetic rounds correctly; others are
 * roundedQuotient, dividing by 5^places and scaling by 2^-places (5^places is the cheaper power).
 */
function nearestDouble(units: bigint, places: number, divisor: number): number {
  const denominator = divisor * (POWERS[places] ?? Infinity);
  if (denominator <= Number.MAX_SAFE_INTEGER && units >= -SAFE && units <= SAFE)
    return Number(units) / denominator;
  if (units === 0n) return 0;
  const size = units < 0n ? -units : units;
  const sign = units < 0n ? -1 : 1;
  // About log10 of the amount: far below 2^-1074 it is 0, far above 2^1024 Infinity, with no power to build.
  const magnitude = roughBits(size) * Math.log10(2) - places - Math.log10(divisor);
  if (magnitude < -330) return sign * 0;
  if (magnitude > 312) return sign * Infinity;
  const value =
    places < 0
      ? roundedQuotient(size * fiveTo(-places), BigInt(divisor), -places)
      : roundedQuotient(size, fiveTo(places) * BigInt(divisor), -places);
  return sign * value;
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

/**
 * A decimal written as JavaScript writes numbers ("-0.0012", "1.5e-7", "1.2345678901234567e+300"), or
 * as decimal.js's toExponential does, as exact Units.
 */
function unitsOfText(text: string): Units {
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const places = (point < 0 ? 0 : mantissa.length - point - 1) - exponent;
  const units = BigInt(digits);
  // 2e300 stays 2 units of 10^300 (places -300): a product of two figures is then at most 34 digits.
  return new Units(units, places);
}

/**
 * A finite figure as Units of its own places: the shortest decimal that reads back as it, which is
 * what JavaScript writes for it (and what decimal.js reads from it). `null` for NaN and infinities.
 */
function unitsOf(value: number): Units | null {
  const places = placesOf(value);
  if (places >= 0) return new Units(BigInt(Math.round(value * POWERS[places])), places);
  return Number.isFinite(value) ? unitsOfText(String(value)) : null;
}

/** Digits of a figure before its decimal point; 1 below 1, as adding 1 (a rate's factor) needs one. */
function wholeDigits(value: number): number {
  const size = Math.abs(value);
  return size < 10 ? 1 : Math.floor(Math.log10(size)) + 1;
}

/**
 * Series of finite numbers as exact Units, with the digits they span (the most whole digits of any
 * figure plus the most decimal places), or `null` for a figure that is not finite.
 */
function exactFigures(
  series: readonly (readonly number[])[]
): { units: Units[][]; digits: number } | null {
  let places = 0;
  let whole = 1;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const units: Units[][] = new Array(series.length);
  for (let s = 0; s < series.length; s++) {
    const values = series[s];
    // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
    const amounts: Units[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const figure = unitsOf(values[i]);
      if (figure === null) return null;
      places = Math.max(places, figure.places);
      whole = Math.max(whole, wholeDigits(values[i]));
      amounts[i] = figure;
    }
    units[s] = amounts;
  }
  return { units, digits: whole + places };
}

/**
 * Series of finite numbers as exact Units, or `null` for a figure that is not finite, or when the
 * calculation would cost too much in whole units: `compounding` is how many figures it may multiply
 * together, and `compounding` times the digits the figures span is kept within EXACT_DIGITS.
 * `Infinity` as the budget lifts it.
 */
export function inUnits(
  series: readonly (readonly number[])[],
  compounding = 1,
  budget = EXACT_DIGITS
): Units[][] | null {
  const exact = exactFigures(series);
  return exact !== null && exact.digits * compounding <= budget ? exact.units : null;
}

/** Thrown by Bounds when the exact answer could lie either side of what is asked (a sign, a double). */
export class Unsettled extends Error {}

/** An amount at or above zero. */
function notBelowZero(value: Units): boolean {
  return value.units >= 0n;
}

/**
 * `value` with its whole units cut to about BOUNDS_BITS bits, dropping decimal places (past the units
 * place if need be), rounded down or up: the amount itself when it already fits.
 */
function cut(value: Units, direction: "down" | "up"): Units {
  const { units, places } = value;
  const size = units < 0n ? -units : units;
  if (size < BOUNDS_LIMIT) return value;
  const dropped = Math.ceil((roughBits(size) - BOUNDS_BITS) / Math.log2(10));
  const power = tenTo(dropped);
  let kept = units / power;
  // BigInt division rounds towards zero: move away from it where that is the wrong way.
  if (kept * power !== units) {
    if (direction === "down" && units < 0n) kept -= 1n;
    if (direction === "up" && units > 0n) kept += 1n;
  }
  return new Units(kept, places - dropped);
}

/** About log10 of an amount's size; -Infinity for 0. */
function roughDigits(value: Units): number {
  const size = value.units < 0n ? -value.units : value.units;
  return size === 0n ? -Infinity : roughBits(size) * Math.log10(2) - value.places;
}

/** Whether two amounts have places close enough that lining them up adds at most a few dozen digits. */
function lineUpCheaply(a: Units, b: Units): boolean {
  return Math.abs(a.places - b.places) <= BOUNDS_DIGITS;
}

/**
 * `a + b` cut to about BOUNDS_BITS bits, rounded down or up. Two amounts far apart in size would be
 * lined up on a whole number as long as both (10^300 + 10^-300 is 600 digits); instead, when the smaller
 * is below one unit of the larger's last kept place, the larger (written to BOUNDS_BITS bits) stands for
 * the sum, moved by one unit of that place the way the smaller leans.
 */
function sum(a: Units, b: Units, direction: "down" | "up"): Units {
  if (lineUpCheaply(a, b)) return cut(a.plus(b), direction);
  const aDigits = roughDigits(a);
  const bDigits = roughDigits(b);
  if (Math.abs(aDigits - bDigits) < BOUNDS_DIGITS + 3) return cut(a.plus(b), direction);
  const aLarger = aDigits >= bDigits;
  const large = aLarger ? a : b;
  const small = aLarger ? b : a;
  if (small.units === 0n) return cut(large, direction);
  // The larger to between about 2^124 and 2^128 units, so one unit of its last place is more than the
  // smaller (which is 10^-42 of it at most).
  const kept = cut(large, direction);
  const size = kept.units < 0n ? -kept.units : kept.units;
  const widen = Math.max(0, Math.ceil((BOUNDS_BITS - roughBits(size)) * Math.log10(2)) - 1);
  const written = new Units(kept.units * tenTo(widen), kept.places + widen);
  const lean = small.units < 0n ? -1n : 1n;
  return (direction === "down") === lean < 0n
    ? new Units(written.units + lean, written.places)
    : written;
}

/**
 * An amount known to lie between two exact amounts, `low` and `high`, each cut to about BOUNDS_BITS
 * bits (low rounded down, high up) after every operation: the same calculation as Units at a bounded
 * cost, and still exact to the final rounding, since toNumber only answers when both ends round to the
 * same double, and a sign only when both ends have it. Otherwise it throws Unsettled, and inAmounts
 * works the answer out in Units. Figures, and amounts small enough, are held exactly (low is high).
 */
export class Bounds implements Amount<Bounds> {
  constructor(
    readonly low: Units,
    readonly high: Units
  ) {}

  /** An exact amount, kept as it is (figures) or cut to its two ends (results). */
  static around(exact: Units): Bounds {
    const low = cut(exact, "down");
    return low === exact ? new Bounds(exact, exact) : new Bounds(low, cut(exact, "up"));
  }

  get s(): number {
    if (notBelowZero(this.low)) return 1;
    if (!notBelowZero(this.high)) return -1;
    throw new Unsettled();
  }

  plus(other: Bounds | number): Bounds {
    const that = typeof other === "number" ? Bounds.around(new Units(BigInt(other), 0)) : other;
    if (this.low === this.high && that.low === that.high && lineUpCheaply(this.low, that.low))
      return Bounds.around(this.low.plus(that.low));
    return new Bounds(sum(this.low, that.low, "down"), sum(this.high, that.high, "up"));
  }

  minus(other: Bounds): Bounds {
    return this.plus(new Bounds(other.high.negated(), other.low.negated()));
  }

  times(factor: Bounds | number): Bounds {
    const that = typeof factor === "number" ? Bounds.around(new Units(BigInt(factor), 0)) : factor;
    if (this.low === this.high && that.low === that.high)
      return Bounds.around(this.low.times(that.low));
    // The common case (stocks, costs, growth factors): both at or above zero.
    if (notBelowZero(this.low) && notBelowZero(that.low))
      return new Bounds(
        cut(this.low.times(that.low), "down"),
        cut(this.high.times(that.high), "up")
      );
    const products = [
      this.low.times(that.low),
      this.low.times(that.high),
      this.high.times(that.low),
      this.high.times(that.high),
    ];
    const below = (a: Units, b: Units) => a.minus(b).units < 0n;
    const low = products.reduce((a, b) => (below(b, a) ? b : a));
    const high = products.reduce((a, b) => (below(a, b) ? b : a));
    return new Bounds(cut(low, "down"), cut(high, "up"));
  }

  isZero(): boolean {
    if (this.low.isZero() && this.high.isZero()) return true;
    if (!notBelowZero(this.high) || this.low.units > 0n) return false;
    throw new Unsettled();
  }

  /** The double nearest the exact amount, when both ends round to it. */
  toNumber(): number {
    return settled(this.low.toNumber(), this.high.toNumber());
  }

  /** The decimal when it is known exactly, else the double both ends round to. */
  toString(): string {
    return this.low === this.high ? this.low.toString() : String(this.toNumber());
  }
}

function settled(low: number, high: number): number {
  if (low === high) return low;
  throw new Unsettled();
}

/**
 * Runs `compute` on series of figures as exact amounts: Units within the budget (see inUnits), else
 * Bounds, and Units again in the rare case Bounds cannot settle an answer. `compute` is written once
 * for any Amount. Absent series stay absent; `compounding` is as for inUnits.
 */
export function inAmounts<R>(
  figures: readonly (readonly number[] | undefined)[],
  compute: <T extends Amount<T>>(amounts: readonly (readonly T[] | undefined)[]) => R,
  compounding = 1
): R {
  const given = figures.filter((values) => values !== undefined);
  const inPlace = <T>(amounts: readonly T[][]) => {
    let next = 0;
    return figures.map((values) => (values === undefined ? undefined : amounts[next++]));
  };
  const exact = exactFigures(given);
  if (exact === null) return compute(figures.map((values) => values?.map((v) => new Decimal(v))));
  if (exact.digits * compounding <= EXACT_DIGITS) return compute(inPlace(exact.units));
  try {
    return compute(inPlace(exact.units.map((values) => values.map((v) => new Bounds(v, v)))));
  } catch (error) {
    if (!(error instanceof Unsettled)) throw error;
  }
  return compute(inPlace(exact.units));
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
    if (dividend instanceof Units) return nearestDouble(dividend.units, dividend.places, divisor);
    // Dividing by a positive number keeps the order, so the exact quotient lies between the ends'.
    if (dividend instanceof Bounds)
      return settled(
        nearestDouble(dividend.low.units, dividend.low.places, divisor),
        nearestDouble(dividend.high.units, dividend.high.places, divisor)
      );
    return new Precise(dividend.toString()).dividedBy(divisor).toNumber();
  }

  /** The quotient to decimal.js's usual 20 significant digits ("1.5833333333333333333"). */
  toString(): string {
    return new Decimal(this.dividend.toString()).dividedBy(this.divisor).toString();
  }
}
