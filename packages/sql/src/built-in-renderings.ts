import type { TransformRuntime } from "@tablepipe/core/internal";
import { renderAddDateParts } from "./renderings/add-date-parts";
import { renderAggregate } from "./renderings/aggregate";
import { renderCastColumns } from "./renderings/cast-columns";
import { renderDerive } from "./renderings/derive";
import { renderDropDuplicates } from "./renderings/drop-duplicates";
import { renderDropMissing } from "./renderings/drop-missing";
import { renderEncodeFlag } from "./renderings/encode-flag";
import { renderExcludeAirports, renderExcludeMatching } from "./renderings/exclude-matching";
import { renderFillNull } from "./renderings/fill-null";
import { renderFilter } from "./renderings/filter-rows";
import { renderFirstNDaily } from "./renderings/first-n-daily";
import { renderFirstNPerGroup } from "./renderings/first-n-per-group";
import { renderJoin } from "./renderings/join";
import { renderKeepHourWindow } from "./renderings/keep-hour-window";
import { renderLimitHistory } from "./renderings/limit-history";
import { renderPivot } from "./renderings/pivot";
import { renderRename } from "./renderings/rename";
import { renderSelect } from "./renderings/select-columns";
import { renderSortRows } from "./renderings/sort-rows";
import { renderTopNPerGroup } from "./renderings/top-n-per-group";
import { renderUnion } from "./renderings/union";
import { renderUnpivot } from "./renderings/unpivot";
import { renderWindow } from "./renderings/window";
import type { BuiltInRendering } from "./step-rendering";

/** A built-in rendering and the params (all of them, sorted) the transform of that name must take. */
interface BuiltIn {
  readonly params: readonly string[];
  readonly render: BuiltInRendering;
}

const builtIn = (params: readonly string[], render: BuiltInRendering): BuiltIn => ({
  params: [...params].sort(),
  render,
});

/**
 * The renderings of `@tablepipe/transforms`' general transforms, keyed by transform name (this package
 * does not import the transforms). A transform is taken for the built-in only when its params are exactly
 * the built-in's, so a user's own transform that happens to share a name is not rendered as it.
 */
const BUILT_IN_RENDERINGS: Readonly<Record<string, BuiltIn>> = {
  addDateParts: builtIn(["column", "month", "dayOfWeek", "dayOfMonth"], renderAddDateParts),
  aggregate: builtIn(["by", "measures"], renderAggregate),
  castColumns: builtIn(["columns"], renderCastColumns),
  derive: builtIn(["columns"], renderDerive),
  dropDuplicates: builtIn(["subset"], renderDropDuplicates),
  dropMissing: builtIn(["columns"], renderDropMissing),
  encodeFlag: builtIn(["column", "output", "value"], renderEncodeFlag),
  excludeAirports: builtIn(["column", "zones", "zoneIdColumn", "zoneNameColumn"], renderExcludeAirports),
  excludeMatching: builtIn(["column", "lookup", "lookupKey", "where"], renderExcludeMatching),
  fillNull: builtIn(["columns"], renderFillNull),
  filter: builtIn(["where"], renderFilter),
  firstNDaily: builtIn(["key", "timestamp", "n"], renderFirstNDaily),
  firstNPerGroup: builtIn(["keys", "orderBy", "n"], renderFirstNPerGroup),
  join: builtIn(["on", "right", "how", "validate"], renderJoin),
  keepHourWindow: builtIn(["column", "from", "to"], renderKeepHourWindow),
  limitHistory: builtIn(["column", "after", "through"], renderLimitHistory),
  pivot: builtIn(["by", "namesFrom", "valuesFrom", "names", "aggregate", "ignoreUndeclared"], renderPivot),
  rename: builtIn(["columns"], renderRename),
  select: builtIn(["columns"], renderSelect),
  sortRows: builtIn(["by", "descending"], renderSortRows),
  topNPerGroup: builtIn(["keys", "orderBy", "descending", "n"], renderTopNPerGroup),
  union: builtIn(["other"], renderUnion),
  unpivot: builtIn(["columns", "nameColumn", "valueColumn", "dropMissing"], renderUnpivot),
  window: builtIn(["partitionBy", "orderBy", "descending", "columns"], renderWindow),
};

/** The names of the transforms that have a built-in SQL rendering. */
export const RENDERED_TRANSFORMS: readonly string[] = Object.keys(BUILT_IN_RENDERINGS).sort();

/** The built-in rendering of a transform, when its name and params are a built-in's. */
export function builtInRendering(transform: TransformRuntime): BuiltInRendering | undefined {
  if (!Object.hasOwn(BUILT_IN_RENDERINGS, transform.transformName)) return undefined;
  const entry = BUILT_IN_RENDERINGS[transform.transformName] as BuiltIn;
  const params = Object.keys(transform.paramsSchema.shape).sort();
  const same = params.length === entry.params.length && params.every((p, i) => p === entry.params[i]);
  return same ? entry.render : undefined;
}
