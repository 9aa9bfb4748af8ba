import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysFromCivil } from "./calendar";
import {
  formatTimestamp,
  isEpochMillis,
  parseIsoSecondsAt,
  parseTimestamp,
  parseTimestampBytes,
} from "./timestamp";

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe("parseTimestamp", () => {
  it.each([
    ["2018-07-27 09:14:45", utc(2018, 7, 27, 9, 14, 45)],
    ["2018-07-27T09:14:45", utc(2018, 7, 27, 9, 14, 45)],
    ["2018-07-27t09:14:45", utc(2018, 7, 27, 9, 14, 45)],
    ["2018-02-04 18:00:00", utc(2018, 2, 4, 18)],
    ["2018-02-04", utc(2018, 2, 4)],
    ["2018-02-04 18:05", utc(2018, 2, 4, 18, 5)],
    ["  2018-02-04 18:00:00 ", utc(2018, 2, 4, 18)],
    ["2018-07-27 09:14:45.5", utc(2018, 7, 27, 9, 14, 45, 500)],
    ["2018-07-27 09:14:45.123", utc(2018, 7, 27, 9, 14, 45, 123)],
    ["2018-07-27T09:14:45.123456789", utc(2018, 7, 27, 9, 14, 45, 123)],
    ["2018-07-27T09:14:45,25", utc(2018, 7, 27, 9, 14, 45, 250)],
    ["2016-02-29 00:00:00", utc(2016, 2, 29)],
    ["2000-02-29", utc(2000, 2, 29)],
    ["1969-12-31 23:59:59", utc(1969, 12, 31, 23, 59, 59)],
    ["0001-01-01", Date.parse("0001-01-01T00:00:00Z")],
  ])("reads the ISO stamp %j as UTC wall-clock", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    ["2018-07-27T09:14:45Z", utc(2018, 7, 27, 9, 14, 45)],
    ["2018-07-27T09:14:45z", utc(2018, 7, 27, 9, 14, 45)],
    ["2018-07-27T09:14:45+05:30", utc(2018, 7, 27, 3, 44, 45)],
    ["2018-07-27T09:14:45+0530", utc(2018, 7, 27, 3, 44, 45)],
    ["2018-07-27T09:14:45-04", utc(2018, 7, 27, 13, 14, 45)],
    ["2018-07-27 09:14:45 -04:00", utc(2018, 7, 27, 13, 14, 45)],
    ["2018-07-27T09:14:45.250Z", utc(2018, 7, 27, 9, 14, 45, 250)],
    ["2018-07-27T00:30:00+01:00", utc(2018, 7, 26, 23, 30)],
  ])("honours the explicit zone of %j", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    ["07/27/2018 09:14:45 AM", utc(2018, 7, 27, 9, 14, 45)],
    ["07/27/2018 9:14:45 AM", utc(2018, 7, 27, 9, 14, 45)],
    ["7/2/2018 9:14:45 PM", utc(2018, 7, 2, 21, 14, 45)],
    ["07/27/2018 12:00:00 AM", utc(2018, 7, 27, 0)],
    ["07/27/2018 12:30:15 AM", utc(2018, 7, 27, 0, 30, 15)],
    ["07/27/2018 12:00:00 PM", utc(2018, 7, 27, 12)],
    ["07/27/2018 12:59:59 PM", utc(2018, 7, 27, 12, 59, 59)],
    ["07/27/2018 11:59:59 PM", utc(2018, 7, 27, 23, 59, 59)],
    ["07/27/2018 01:00:00 am", utc(2018, 7, 27, 1)],
    ["07/27/2018 01:00:00PM", utc(2018, 7, 27, 13)],
    ["07/27/2018 21:14:45", utc(2018, 7, 27, 21, 14, 45)],
    ["07/27/2018 09:14 PM", utc(2018, 7, 27, 21, 14)],
    ["07/27/2018 09:14:45.5 AM", utc(2018, 7, 27, 9, 14, 45, 500)],
    ["07/27/2018", utc(2018, 7, 27)],
  ])("reads the NYC Open Data stamp %j", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    "",
    "2018-13-01 00:00:00",
    "2018-00-10",
    "2018-02-30",
    "2017-02-29",
    "1900-02-29",
    "2018-13-45 99:00",
    "2018-07-27 24:00:00",
    "2018-07-27 23:60:00",
    "2018-07-27 23:59:60",
    "2018-07-27 9:14:45",
    "2018-07-27X09:14:45",
    "2018-07-27 09:14:45.",
    "2018-07-27 09:14:45+25:00",
    "2018-07-27 09:14:45 PM",
    "2018-07-27 09:14:45 foo",
    "2018/07/27",
    "27.07.2018",
    "07/27/2018 13:00:00 PM",
    "07/27/2018 00:00:00 AM",
    "07/27/18 09:14:45",
    "13/01/2018",
    "07/27/2018 09:14:45 XM",
    "hello",
    "1532682885",
  ])("rejects %j", (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });

  it("agrees with Date.UTC on random wall-clock times", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1, 0, 1)),
          max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseTimestamp(formatTimestamp(date))).toBe(date.getTime());
          expect(parseTimestamp(date.toISOString())).toBe(date.getTime());
        },
      ),
    );
  });

  it("agrees with Date.UTC across the years its month table covers (1900-2199) and their edges", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1899, 11, 1)),
          max: new Date(Date.UTC(2200, 0, 31, 23, 59, 59, 999)),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseTimestamp(formatTimestamp(date))).toBe(date.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    const results: number[][] = [];
    try {
      for (const zone of ["America/New_York", "Asia/Kolkata", "UTC", "Pacific/Chatham"]) {
        process.env.TZ = zone;
        results.push(["2018-03-11 02:30:00", "11/04/2018 1:30:00 AM", "2018-07-27"].map(parseTimestamp));
      }
    } finally {
      process.env.TZ = saved;
    }
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toEqual([utc(2018, 3, 11, 2, 30), utc(2018, 11, 4, 1, 30), utc(2018, 7, 27)]);
  });
});

describe("daysFromCivil", () => {
  it("counts days from 1970-01-01", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2018, 2, 4)).toBe(Date.UTC(2018, 1, 4) / 86_400_000);
    expect(daysFromCivil(1600, 3, 1)).toBe(Date.parse("1600-03-01T00:00:00Z") / 86_400_000);
  });
});

describe("formatTimestamp", () => {
  it("writes UTC wall-clock without a zone, milliseconds only when set", () => {
    expect(formatTimestamp(new Date(utc(2018, 2, 4, 18)))).toBe("2018-02-04T18:00:00");
    expect(formatTimestamp(new Date(utc(2018, 2, 4, 18, 0, 0, 7)))).toBe("2018-02-04T18:00:00.007");
    expect(formatTimestamp(new Date(utc(999, 0 + 1, 1)))).toBe("0999-01-01T00:00:00");
  });

  it("formats epoch milliseconds (the table representation) like the same Date", () => {
    expect(formatTimestamp(utc(2018, 2, 4, 18))).toBe("2018-02-04T18:00:00");
    expect(formatTimestamp(utc(2018, 2, 4, 18, 0, 0, 7))).toBe("2018-02-04T18:00:00.007");
    expect(formatTimestamp(0)).toBe("1970-01-01T00:00:00");
    expect(formatTimestamp(-0)).toBe("1970-01-01T00:00:00");
    expect(formatTimestamp(-1)).toBe("1969-12-31T23:59:59.999");
    expect(formatTimestamp(utc(2016, 2, 29, 23, 59, 59))).toBe("2016-02-29T23:59:59");
    expect(formatTimestamp(-8.64e15)).toBe("-271821-04-20T00:00:00");
    expect(formatTimestamp(8.64e15)).toBe("+275760-09-13T00:00:00");
  });

  it("drops a fraction of a millisecond, rounding down on the wall clock", () => {
    expect(formatTimestamp(utc(2018, 2, 4, 18) + 7.9)).toBe("2018-02-04T18:00:00.007");
    expect(formatTimestamp(-0.5)).toBe("1969-12-31T23:59:59.999");
  });

  it("agrees with the Date's UTC fields for any instant, and round-trips through parseTimestamp", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        expect(formatTimestamp(ms)).toBe(formatTimestamp(new Date(ms)));
        expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23));
        expect(parseTimestamp(formatTimestamp(ms))).toBe(ms);
      }),
    );
  });

  it("rejects an invalid Date, NaN, infinities and numbers outside the range of a Date", () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).toThrow(/invalid Date/);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 8.64e15 + 1]) {
      expect(() => formatTimestamp(bad)).toThrow(RangeError);
    }
    expect(() => formatTimestamp(Number.NaN)).toThrow("cannot format NaN as a time stamp");
  });
});

describe("isEpochMillis", () => {
  it("accepts finite numbers within the range of a Date, nothing else", () => {
    expect(isEpochMillis(utc(2018, 2, 4, 18))).toBe(true);
    expect(isEpochMillis(-8.64e15)).toBe(true);
    expect(isEpochMillis(0.5)).toBe(true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, "0", null, new Date(0), 0n]) {
      expect(isEpochMillis(bad)).toBe(false);
    }
  });
});

describe("parseIsoSecondsAt", () => {
  const bytes = (text: string): Buffer => Buffer.from(`>${text}<`, "latin1");
  const same = (text: string): void => {
    const b = bytes(text);
    expect(Object.is(parseIsoSecondsAt(b, 1), parseTimestampBytes(b, 1, 20, false)), text).toBe(true);
  };

  it("reads YYYY-MM-DD HH:MM:SS (or with T) as parseTimestampBytes does, and nothing else", () => {
    expect(parseIsoSecondsAt(bytes("2018-02-04 18:00:00"), 1)).toBe(utc(2018, 2, 4, 18));
    expect(parseIsoSecondsAt(bytes("2016-02-29T23:59:59"), 1)).toBe(utc(2016, 2, 29, 23, 59, 59));
    const refused = [
      ["2017-02-29 10:00:00", "2018-13-01 00:00:00", "2018-01-01 24:00:00", "2018-01-01 00:60:00"],
      ["2018/01/01 00:00:00", "2018-01-01_00:00:00", "2018-01-01 00:00:0x", " 2018-01-01 00:00:0"],
    ].flat();
    for (const bad of refused) expect(parseIsoSecondsAt(bytes(bad), 1), bad).toBeNaN();
  });

  it("agrees with parseTimestampBytes on every 19 bytes of its layout's characters", () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const layout = fc
      .tuple(digits(4), digits(2), digits(2), fc.constantFrom(" ", "T", "t"), digits(2), digits(2), digits(2))
      .map(([y, mo, d, sep, h, mi, s]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}`);
    const anyChars = fc
      .array(fc.constantFrom(..."0123456789-: Tt+Z.x"), { minLength: 19, maxLength: 19 })
      .map((chars) => chars.join(""));
    const oneByteOff = fc
      .tuple(layout, fc.nat(18), fc.constantFrom(..."0123456789-: Tt+Z.x/"))
      .map(([text, at, char]) => `${text.slice(0, at)}${char}${text.slice(at + 1)}`);
    fc.assert(fc.property(fc.oneof(layout, anyChars, oneByteOff), same), { numRuns: 3000 });
  });
});
