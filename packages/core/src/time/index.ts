export { civilDate, daysFromCivil } from "./calendar";
