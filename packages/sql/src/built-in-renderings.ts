import { builtInName, type TransformRuntime } from "@tablepipe/core/internal";
import { renderAddDateParts } from "./renderings/add-date-parts";
import { renderAddGroupMeasures } from "./renderings/add-group-measures";
import { renderAggregate } from "./renderings/aggregate";
import { renderCastColumns } from "./renderings/cast-columns";
import { renderDerive } from "./renderings/derive";
import { renderDropColumns } from "./renderings/drop-columns";
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
import { renderLimit } from "./renderings/limit";
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

/**
 * The renderings of `@tablepipe/transforms`' general transforms, keyed by transform name (this package
 * does not import the transforms). Only the library's own transform objects (`markBuiltIn` of core) get one:
 * a user's own transform that happens to share a name, and params, is never rendered as it.
 */
const BUILT_IN_RENDERINGS: Readonly<Record<string, BuiltInRendering>> = {
  addDateParts: renderAddDateParts,
  addGroupMeasures: renderAddGroupMeasures,
  aggregate: renderAggregate,
  castColumns: renderCastColumns,
  derive: renderDerive,
  dropColumns: renderDropColumns,
  dropDuplicates: renderDropDuplicates,
  dropMissing: renderDropMissing,
  encodeFlag: renderEncodeFlag,
  excludeAirports: renderExcludeAirports,
  excludeMatching: renderExcludeMatching,
  fillNull: renderFillNull,
  filter: renderFilter,
  firstNDaily: renderFirstNDaily,
  firstNPerGroup: renderFirstNPerGroup,
  join: renderJoin,
  keepHourWindow: renderKeepHourWindow,
  limit: renderLimit,
  limitHistory: renderLimitHistory,
  pivot: renderPivot,
  rename: renderRename,
  select: renderSelect,
  sortRows: renderSortRows,
  topNPerGroup: renderTopNPerGroup,
  union: renderUnion,
  unpivot: renderUnpivot,
  window: renderWindow,
};

/** The names of the transforms that have a built-in SQL rendering. */
export const RENDERED_TRANSFORMS: readonly string[] = Object.keys(BUILT_IN_RENDERINGS).sort();

/** The built-in rendering of a transform, when it is the library's own transform object of that name. */
export function builtInRendering(transform: TransformRuntime): BuiltInRendering | undefined {
  const name = builtInName(transform);
  return name !== undefined && Object.hasOwn(BUILT_IN_RENDERINGS, name)
    ? BUILT_IN_RENDERINGS[name]
    : undefined;
}
