import { describe, expect, it } from "vitest";
import { levelPasses } from "./levels";
import { formatFieldValue, formatLocalSecond, formatPrettyLine } from "./pretty";

const at = new Date(2018, 1, 4, 18, 0, 42).getTime(); // local wall clock, any TZ
const plain = { color: false, stacks: false };

describe("formatPrettyLine", () => {
  it("writes `[local time] LEVEL name: message` and a newline", () => {
    expect(
      formatPrettyLine({ level: "info", time: at, name: "tip-model", msg: "Extracting datasets" }, plain),
    ).toBe("[2018-02-04 18:00:42] INFO tip-model: Extracting datasets\n");
  });

  it("appends fields as key=value in their order", () => {
    const line = formatPrettyLine(
      {
        level: "warn",
        time: at,
        name: "io",
        msg: "dropped rows",
        rows: 3,
        path: "data/trips 1.csv",
        ok: false,
      },
      plain,
    );
    expect(line).toBe(
      '[2018-02-04 18:00:42] WARN io: dropped rows rows=3 path="data/trips 1.csv" ok=false\n',
    );
  });

  it("leaves out the name when there is none", () => {
    expect(formatPrettyLine({ level: "error", time: at, msg: "boom" }, plain)).toBe(
      "[2018-02-04 18:00:42] ERROR boom\n",
    );
  });

  it("colours the level and dims the time when asked", () => {
    const line = formatPrettyLine(
      { level: "error", time: at, name: "x", msg: "m" },
      { color: true, stacks: false },
    );
    expect(line).toBe("\u001b[2m[2018-02-04 18:00:42]\u001b[0m \u001b[31mERROR\u001b[0m x: m\n");
  });

  it("shows a serialized error by its message, and its stack only when asked", () => {
    const err = {
      type: "TypeError",
      message: "x is undefined",
      stack: "TypeError: x is undefined\n    at f (a.ts:1:1)",
    };
    const record = { level: "error", time: at, name: "job", msg: "failed", err };
    expect(formatPrettyLine(record, plain)).toBe(
      '[2018-02-04 18:00:42] ERROR job: failed err="TypeError: x is undefined"\n',
    );
    expect(formatPrettyLine(record, { color: false, stacks: true })).toBe(
      '[2018-02-04 18:00:42] ERROR job: failed err="TypeError: x is undefined"\n' +
        "    TypeError: x is undefined\n        at f (a.ts:1:1)\n",
    );
  });
});

describe("formatLocalSecond", () => {
  it("pads to yyyy-MM-dd HH:mm:ss in local time", () => {
    expect(formatLocalSecond(new Date(2019, 0, 5, 7, 3))).toBe("2019-01-05 07:03:00");
    expect(formatLocalSecond(new Date(2018, 11, 31, 23, 59, 59))).toBe("2018-12-31 23:59:59");
  });
});

describe("formatFieldValue", () => {
  it("keeps simple values bare and quotes the rest as JSON", () => {
    expect(formatFieldValue("random-forest")).toBe("random-forest");
    expect(formatFieldValue("two words")).toBe('"two words"');
    expect(formatFieldValue("")).toBe('""');
    expect(formatFieldValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(formatFieldValue("a=b")).toBe('"a=b"');
    expect(formatFieldValue(3.5)).toBe("3.5");
    expect(formatFieldValue(1234567)).toBe("1,234,567");
    expect(formatFieldValue(-2999)).toBe("-2,999");
    expect(formatFieldValue(null)).toBe("null");
    expect(formatFieldValue({ rows: 3 })).toBe('{"rows":3}');
    expect(formatFieldValue([1, 2])).toBe("[1,2]");
    expect(formatFieldValue({ type: "Error", message: "m", stack: "Error: m" })).toBe('"m"');
  });
});

describe("levelPasses", () => {
  it("orders debug < info < warn < error and lets nothing through silent", () => {
    expect(levelPasses("warn", "info")).toBe(true);
    expect(levelPasses("info", "info")).toBe(true);
    expect(levelPasses("debug", "info")).toBe(false);
    expect(levelPasses("error", "silent")).toBe(false);
    expect(levelPasses("silent", "debug")).toBe(false);
  });
});
