export * from "./config/index";
export * from "./io/index";
export * from "./job/index";
export * from "./log/index";
export * from "./pipe/index";
export * from "./time/index";
export * from "./transform/index";
