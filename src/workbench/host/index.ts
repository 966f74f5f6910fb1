/** The stand-in Excel host for the browser workbench and the tests. */
export {
  installStandInExcel,
  StandInHost,
  type HostEvent,
  type HostSelection,
  type HostWrite,
  type StandInHostOptions,
} from "./standInHost";
export { StandInOfficeError } from "./officeError";
export type { StandInPlatform, StandInTheme } from "./officeGlobal";
export type { HostChart } from "./chartProxies";
