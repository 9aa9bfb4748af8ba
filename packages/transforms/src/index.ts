export { addDateParts } from "./add-date-parts";
export type { AddGroupMeasuresColumns } from "./add-group-measures";
export { addGroupMeasures } from "./add-group-measures";
export type { AggregateColumns } from "./aggregate";
export { aggregate } from "./aggregate";
export type { CastColumnsColumns } from "./cast-columns";
export { castColumns } from "./cast-columns";
export type { DeriveColumns } from "./derive";
export { derive } from "./derive";
export type { DropColumnsColumns } from "./drop-columns";
export { dropColumns } from "./drop-columns";
export { dropDuplicates } from "./drop-duplicates";
export { dropMissing } from "./drop-missing";
export { encodeFlag } from "./encode-flag";
export { excludeAirports } from "./exclude-airports";
export { excludeMatching } from "./exclude-matching";
export type { FillNullColumns } from "./fill-null";
export { fillNull } from "./fill-null";
export type { FilterColumns } from "./filter";
export { filter } from "./filter";
export { firstNDaily } from "./first-n-daily";
export { firstNPerGroup } from "./first-n-per-group";
export type { JoinColumns } from "./join";
export { join } from "./join";
export { keepHourWindow } from "./keep-hour-window";
export { limit } from "./limit";
export { limitHistory } from "./limit-history";
export type { LookupPredicate, PredicateValue } from "./lookup-predicate";
export { lookupPredicate } from "./lookup-predicate";
export type { PivotAggregate, PivotColumns } from "./pivot";
export { PIVOT_AGGREGATES, pivot } from "./pivot";
export type { RenameColumns } from "./rename";
export { rename } from "./rename";
export { sample } from "./sample";
export { columnName, hourOfDay, yyyyMM } from "./schemas";
export type { SelectColumns } from "./select";
export { select } from "./select";
export { sortRows } from "./sort-rows";
export { topNPerGroup } from "./top-n-per-group";
export { union } from "./union";
export type { UnpivotColumns } from "./unpivot";
export { unpivot } from "./unpivot";
export type { WindowColumns } from "./window";
export { window } from "./window";
export type { RollingFrame, WindowFn, WindowFunction, WindowFunctionNode } from "./window-functions";
export {
  cumulativeMax,
  cumulativeMean,
  cumulativeMin,
  cumulativeSum,
  denseRank,
  fillBackward,
  fillForward,
  lag,
  lead,
  ntile,
  percentRank,
  rank,
  rollingMax,
  rollingMean,
  rollingMin,
  rollingSum,
  rowNumber,
} from "./window-functions";
